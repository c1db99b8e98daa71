package io.floe.yarn;

import io.floe.configuration.Configuration;
import io.floe.runtime.process.ProcessMemory;
import io.floe.runtime.security.ClusterSecret;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps 3 and 4 of a deployment: ships what the containers need and describes the ApplicationMaster's container. The
 * configuration archive uploads while the framework jars are looked up in the content-addressed cache (and uploaded if
 * missing), all on the deployment's upload threads: HDFS confirms each file's last block only after a poll that starts
 * at 400 ms, which one file after the other added up to seconds. The container gets its files, {@code JAVA_HOME}, the
 * classpath, the list of shipped files in its environment, and a java command sized by {@code
 * jobmanager.memory.process.size}.
 */
final class ApplicationMasterLaunch {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationMasterLaunch.class);

    /** Where one deployment stages its files: the staging directory, a local scratch directory, upload threads. */
    record Staging(
            FileSystem fs,
            org.apache.hadoop.fs.Path floeBase,
            ApplicationStaging application,
            Path scratch,
            Executor uploads) {}

    /** The ApplicationMaster's container, and how many framework jars had to be uploaded for it. */
    record Launch(ContainerLaunchContext container, int frameworkUploads) {}

    private ApplicationMasterLaunch() {}

    static Launch prepare(
            Configuration configuration,
            org.apache.hadoop.conf.Configuration hadoopConfiguration,
            ClusterMode mode,
            ApplicationId appId,
            boolean attached,
            Staging staging,
            List<CompletableFuture<ShippedResource>> amOnly,
            ProcessMemory jobManagerMemory,
            org.apache.hadoop.conf.Configuration containerSite,
            ClusterSecret secret)
            throws IOException {
        Path confArchive = ContainerConfigurationFiles.writeArchive(
                configuration,
                mode,
                staging.scratch(),
                appId,
                staging.application().path(),
                attached,
                secret,
                containerSite);
        List<CompletableFuture<ShippedResource>> applicationFiles = List.of(staging.application()
                .uploadArchiveAsync(confArchive, ContainerEnvironment.CONF_DIR, staging.uploads()));
        // while those upload, the framework jars are hashed and looked up (and uploaded if missing)
        FrameworkJarCache cache = new FrameworkJarCache(staging.fs(), staging.floeBase(), staging.uploads());
        List<ShippedResource> shared = new ArrayList<>(cache.register(
                HadoopClasspath.of(configuration)
                        .frameworkJars(FrameworkJarCache.localFrameworkClasspath(configuration)),
                staging.scratch()));
        shared.addAll(ApplicationStaging.awaitAll(applicationFiles));

        List<ShippedResource> all = new ArrayList<>(shared);
        all.addAll(ApplicationStaging.awaitAll(amOnly));
        Map<String, String> env = ContainerEnvironment.of(configuration, hadoopConfiguration);
        env.put(ContainerEnvironment.ENV_SHIPPED_RESOURCES, ShippedResource.encode(shared));
        env.put(
                ContainerEnvironment.ENV_STAGING_DIR,
                staging.application().path().toString());
        String command = ContainerCommand.build(
                "jobmanager",
                jobManagerMemory,
                ContainerCommand.jvmOptions(configuration, YarnConfigOptions.JVM_OPTIONS_JOB_MANAGER),
                mode.entrypoint,
                List.of());
        LOG.info("ApplicationMaster command of {}: {}", appId, command);
        ContainerLaunchContext container = ContainerLaunchContext.newInstance(
                ShippedResource.toLocalResources(all), env, List.of(command), null, null, null);
        container.setApplicationACLs(ApplicationSubmission.acls(configuration));
        return new Launch(container, cache.uploadedCount());
    }
}
