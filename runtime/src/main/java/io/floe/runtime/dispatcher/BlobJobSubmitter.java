package io.floe.runtime.dispatcher;

import io.floe.runtime.blob.BlobKey;
import io.floe.runtime.blob.BlobServer;
import io.floe.runtime.highavailability.JobGraphStore;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.rest.JobSubmitter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a job submitted over REST: stores its jars in the BlobServer as permanent blobs of the
 * job (content-hash keys), names them {@code blob:<key>} in the job graph, and hands the graph to
 * the Dispatcher. If the Dispatcher refuses the job, its blobs are deleted again, unless the refusal
 * is that the job id exists: then nothing was stored, or what was belongs to the existing job.
 */
public final class BlobJobSubmitter implements JobSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(BlobJobSubmitter.class);

    private final BlobServer blobServer;
    private final DispatcherGateway dispatcher;
    private final Duration timeout;
    private final JobGraphStore jobStore;

    /**
     * @param jobStore where accepted job graphs go for a later JobManager to recover, or null
     */
    public BlobJobSubmitter(
            BlobServer blobServer, DispatcherGateway dispatcher, Duration timeout, JobGraphStore jobStore) {
        this.blobServer = blobServer;
        this.dispatcher = dispatcher;
        this.timeout = timeout;
        this.jobStore = jobStore;
    }

    /**
     * A job id the Dispatcher has is refused before anything is stored: the jars of the running job
     * share its blob directory (and, with the same content, its keys), and its stored graph its entry.
     */
    @Override
    public CompletableFuture<Void> submit(JobGraph jobGraph, List<Path> jarFiles) {
        return dispatcher
                .requestJobStatus(jobGraph.jobId())
                .handle((status, unknown) -> unknown == null)
                .thenCompose(known -> known
                        ? CompletableFuture.failedFuture(new DuplicateJobSubmissionException(jobGraph.jobId()))
                        : store(jobGraph, jarFiles));
    }

    private CompletableFuture<Void> store(JobGraph jobGraph, List<Path> jarFiles) {
        List<String> jars = new ArrayList<>();
        try {
            for (Path jar : jarFiles) {
                BlobKey key = blobServer.putPermanent(jobGraph.jobId(), jar);
                jars.add("blob:" + key);
            }
        } catch (IOException e) {
            cleanup(jobGraph);
            return CompletableFuture.failedFuture(
                    new IOException("Could not store the jars of job " + jobGraph.jobId() + ": " + e.getMessage(), e));
        }
        LOG.info("Stored {} jar(s) of job {} in the BlobServer", jars.size(), jobGraph.jobId());
        JobGraph withBlobs = jobGraph.withUserJars(jars);
        if (jobStore != null) {
            try {
                jobStore.put(withBlobs); // before the Dispatcher has it: a job it runs is always recoverable
            } catch (IOException e) {
                cleanup(jobGraph);
                return CompletableFuture.failedFuture(new IOException(
                        "Could not store job " + jobGraph.jobId() + " in " + jobStore + " for recovery: "
                                + e.getMessage(),
                        e));
            }
        }
        return dispatcher.submitJob(withBlobs, timeout).whenComplete((ok, error) -> {
            // a duplicate that raced past the check above: what is stored belongs to the job that won
            if (error != null && !DuplicateJobSubmissionException.isCauseOf(error)) {
                cleanup(jobGraph);
            }
        });
    }

    private void cleanup(JobGraph jobGraph) {
        try {
            if (jobStore != null) {
                jobStore.remove(jobGraph.jobId());
            }
            blobServer.cleanupJob(jobGraph.jobId());
        } catch (IOException e) {
            LOG.warn("Could not delete the blobs of the refused job {}", jobGraph.jobId(), e);
        }
    }
}
