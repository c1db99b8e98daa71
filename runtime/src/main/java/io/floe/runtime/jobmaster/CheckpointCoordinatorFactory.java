package io.floe.runtime.jobmaster;

import io.floe.api.JobId;
import io.floe.configuration.CheckpointingOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.checkpoint.CheckpointCoordinator;
import io.floe.runtime.checkpoint.CheckpointSettings;
import io.floe.runtime.checkpoint.FileSystemCheckpointStorage;
import io.floe.runtime.highavailability.CompletedCheckpointStore;
import java.io.File;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a job's {@link CheckpointCoordinator} from its configuration (the cluster's, overridden
 * by the job's), or none when the job does not checkpoint. Without {@code state.checkpoints.dir}
 * checkpoints go to the JobManager's local temporary directory, which only a JobManager on one
 * machine can read back: a warning says so.
 */
final class CheckpointCoordinatorFactory {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinatorFactory.class);

    private CheckpointCoordinatorFactory() {}

    /**
     * @return null when the job runs in BATCH mode; a coordinator that only takes savepoints when
     *     {@code execution.checkpointing.interval} is not set
     */
    static CheckpointCoordinator create(
            JobId jobId,
            boolean batch,
            Configuration configuration,
            CompletedCheckpointStore completedStore,
            CheckpointCoordinator.Tasks tasks,
            CheckpointCoordinator.Timer timer,
            Clock clock,
            Executor io,
            Executor mainThread) {
        CheckpointSettings settings = CheckpointSettings.from(configuration);
        if (batch) {
            // as in Flink: a BATCH job recovers by re-running, and its sinks commit at the end
            if (settings.periodic()) {
                LOG.info("Job {} runs in BATCH mode: it takes no checkpoints", jobId);
            }
            return null;
        }
        String directory = CheckpointingOptions.checkpointDirectory(configuration);
        if (directory == null && settings.periodic()) {
            directory = new File(System.getProperty("java.io.tmpdir"), "floe-checkpoints")
                    .toURI()
                    .toString();
            LOG.warn(
                    "Job {} checkpoints into {} on the JobManager's machine: set state.checkpoints.dir to a shared file"
                            + " system (hdfs://...) so that checkpoints survive the loss of that machine",
                    jobId,
                    directory);
        }
        FileSystemCheckpointStorage storage = new FileSystemCheckpointStorage(
                jobId,
                directory,
                CheckpointingOptions.savepointDirectory(configuration),
                new org.apache.hadoop.conf.Configuration());
        if (settings.periodic()) {
            LOG.info(
                    "Job {} checkpoints every {} ms ({}) into {}",
                    jobId,
                    settings.interval().toMillis(),
                    settings.exactlyOnce() ? "EXACTLY_ONCE" : "AT_LEAST_ONCE",
                    directory);
        }
        return new CheckpointCoordinator(jobId, settings, storage, completedStore, tasks, timer, clock, io, mainThread);
    }
}
