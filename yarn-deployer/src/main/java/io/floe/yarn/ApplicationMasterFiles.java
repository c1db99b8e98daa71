package io.floe.yarn;

import io.floe.client.deployment.ApplicationConfiguration;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.rest.messages.RestJsonMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;

/**
 * Step 3b of a deployment: what only the ApplicationMaster of one mode needs (a per-job cluster's job graph and jars,
 * an application cluster's program), started uploading while the rest of the deployment is prepared.
 */
@FunctionalInterface
interface ApplicationMasterFiles {

    List<CompletableFuture<ShippedResource>> stage(ApplicationStaging staging, Path scratch, Executor uploads)
            throws IOException;

    /** A session cluster's ApplicationMaster needs nothing of its own. */
    static ApplicationMasterFiles none() {
        return (staging, scratch, uploads) -> List.of();
    }

    /** The per-job cluster's job graph, its jars named by their keys in the container. */
    static ApplicationMasterFiles jobGraph(JobGraph jobGraph, List<Path> jobJars) {
        return (staging, scratch, uploads) -> {
            List<CompletableFuture<ShippedResource>> amOnly = new ArrayList<>();
            List<String> jarKeys = new ArrayList<>();
            for (Path jar : jobJars) {
                String key = ContainerEnvironment.JOB_JAR_DIR + "/" + jar.getFileName();
                amOnly.add(staging.uploadAsync(jar, key, uploads));
                jarKeys.add(key);
            }
            Path graphFile = scratch.resolve(ContainerEnvironment.JOB_GRAPH_FILE);
            RestJsonMapper.create().writeValue(graphFile.toFile(), jobGraph.withUserJars(jarKeys));
            amOnly.add(staging.uploadAsync(graphFile, ContainerEnvironment.JOB_GRAPH_FILE, uploads));
            return amOnly;
        };
    }

    /**
     * The application cluster's program: its jar (a local one uploaded, a remote one localized from where it is) and
     * the entry class and arguments {@code main()} is run with.
     *
     * @param remoteJar the checked remote jar (see {@link #remoteJar}), or null for {@code localJar}
     */
    static ApplicationMasterFiles program(
            ApplicationConfiguration application, String jarName, ShippedResource remoteJar, Path localJar) {
        return (staging, scratch, uploads) -> {
            String key = ContainerEnvironment.JOB_JAR_DIR + "/" + jarName;
            CompletableFuture<ShippedResource> jar = remoteJar != null
                    ? CompletableFuture.completedFuture(new ShippedResource(
                            key,
                            remoteJar.uri(),
                            remoteJar.size(),
                            remoteJar.timestamp(),
                            remoteJar.visibility(),
                            remoteJar.type()))
                    : staging.uploadAsync(localJar, key, uploads);
            Path programFile = scratch.resolve(ContainerEnvironment.APPLICATION_FILE);
            RestJsonMapper.create()
                    .writeValue(
                            programFile.toFile(),
                            new ApplicationConfiguration(key, application.entryClass(), application.arguments()));
            return List.of(jar, staging.uploadAsync(programFile, ContainerEnvironment.APPLICATION_FILE, uploads));
        };
    }

    /** A job jar on a distributed file system ({@code hdfs://...}), after a check that it is a file there. */
    static ShippedResource remoteJar(String uri, org.apache.hadoop.conf.Configuration hadoopConfiguration)
            throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        try {
            FileStatus status = path.getFileSystem(hadoopConfiguration).getFileStatus(path);
            if (!status.isFile()) {
                throw new IllegalArgumentException("The job jar " + uri + " is not a file.");
            }
            return ShippedResource.of(
                    ContainerEnvironment.JOB_JAR_DIR + "/" + path.getName(),
                    status,
                    LocalResourceVisibility.APPLICATION);
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException("The job jar " + uri + " does not exist.");
        }
    }
}
