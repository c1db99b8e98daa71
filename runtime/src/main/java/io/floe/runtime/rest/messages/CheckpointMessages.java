package io.floe.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.floe.api.ExternalizedCheckpointRetention;
import io.floe.runtime.checkpoint.CheckpointSettings;
import io.floe.runtime.checkpoint.CheckpointStats;
import io.floe.runtime.checkpoint.CheckpointStatsSnapshot;
import java.util.List;
import java.util.function.ToLongFunction;

/** {@code GET /jobs/:jobid/checkpoints} and {@code .../checkpoints/config}, in Flink's field names. */
public final class CheckpointMessages {
    private CheckpointMessages() {}

    public record Statistics(
            @JsonProperty("counts") Counts counts,
            @JsonProperty("summary") Summary summary,
            @JsonProperty("latest") Latest latest,
            @JsonProperty("history") List<Entry> history) {

        public static Statistics of(CheckpointStatsSnapshot snapshot) {
            List<Entry> history = snapshot.history().stream().map(Entry::of).toList();
            List<CheckpointStats> completed = snapshot.history().stream()
                    .filter(s -> s.status().equals("COMPLETED"))
                    .toList();
            CheckpointStatsSnapshot.RestoredCheckpoint restored = snapshot.restored();
            return new Statistics(
                    new Counts(
                            snapshot.numberOfRestored(),
                            snapshot.numberOfCompleted() + snapshot.numberOfFailed() + snapshot.numberOfInProgress(),
                            snapshot.numberOfInProgress(),
                            snapshot.numberOfCompleted(),
                            snapshot.numberOfFailed()),
                    new Summary(
                            MinMaxAvg.of(completed, CheckpointStats::stateSize),
                            MinMaxAvg.of(completed, CheckpointStats::endToEndDurationMillis)),
                    new Latest(
                            latest(history, "COMPLETED", false),
                            latest(history, "COMPLETED", true),
                            history.stream()
                                    .filter(e -> e.status().equals("FAILED"))
                                    .findFirst()
                                    .orElse(null),
                            restored == null
                                    ? null
                                    : new Restored(
                                            restored.id(),
                                            restored.restoreTimestamp(),
                                            restored.savepoint(),
                                            restored.externalPath())),
                    history);
        }

        private static Entry latest(List<Entry> history, String status, boolean savepoint) {
            return history.stream()
                    .filter(e -> e.status().equals(status) && e.savepoint() == savepoint)
                    .findFirst()
                    .orElse(null);
        }
    }

    public record Counts(
            @JsonProperty("restored") long restored,
            @JsonProperty("total") long total,
            @JsonProperty("in_progress") long inProgress,
            @JsonProperty("completed") long completed,
            @JsonProperty("failed") long failed) {}

    /** Over the checkpoints in the history (the latest ten). */
    public record Summary(
            @JsonProperty("state_size") MinMaxAvg stateSize,
            @JsonProperty("end_to_end_duration") MinMaxAvg endToEndDuration) {}

    public record MinMaxAvg(
            @JsonProperty("min") long min, @JsonProperty("max") long max, @JsonProperty("avg") long avg) {
        static MinMaxAvg of(List<CheckpointStats> stats, ToLongFunction<CheckpointStats> value) {
            if (stats.isEmpty()) {
                return new MinMaxAvg(0, 0, 0);
            }
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            long sum = 0;
            for (CheckpointStats s : stats) {
                long v = value.applyAsLong(s);
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            return new MinMaxAvg(min, max, sum / stats.size());
        }
    }

    public record Latest(
            @JsonProperty("completed") Entry completed,
            @JsonProperty("savepoint") Entry savepoint,
            @JsonProperty("failed") Entry failed,
            @JsonProperty("restored") Restored restored) {}

    public record Restored(
            @JsonProperty("id") long id,
            @JsonProperty("restore_timestamp") long restoreTimestamp,
            @JsonProperty("is_savepoint") boolean savepoint,
            @JsonProperty("external_path") String externalPath) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(
            @JsonProperty("className") String className,
            @JsonProperty("id") long id,
            @JsonProperty("status") String status,
            @JsonProperty("is_savepoint") boolean savepoint,
            @JsonProperty("checkpoint_type") String checkpointType,
            @JsonProperty("trigger_timestamp") long triggerTimestamp,
            @JsonProperty("latest_ack_timestamp") long latestAckTimestamp,
            @JsonProperty("state_size") long stateSize,
            @JsonProperty("checkpointed_size") long checkpointedSize,
            @JsonProperty("end_to_end_duration") long endToEndDuration,
            @JsonProperty("num_subtasks") int numSubtasks,
            @JsonProperty("num_acknowledged_subtasks") int numAcknowledgedSubtasks,
            @JsonProperty("external_path") String externalPath,
            @JsonProperty("failure_message") String failureMessage) {

        static Entry of(CheckpointStats stats) {
            String className =
                    switch (stats.status()) {
                        case "COMPLETED" -> "completed";
                        case "FAILED" -> "failed";
                        default -> "in_progress";
                    };
            return new Entry(
                    className,
                    stats.id(),
                    stats.status(),
                    stats.savepoint(),
                    stats.savepoint() ? "SAVEPOINT" : "CHECKPOINT",
                    stats.triggerTimestamp(),
                    stats.latestAckTimestamp(),
                    stats.stateSize(),
                    stats.stateSize(), // every checkpoint is a full one
                    stats.endToEndDurationMillis(),
                    stats.numSubtasks(),
                    stats.numAcknowledgedSubtasks(),
                    stats.externalPath(),
                    stats.failureMessage());
        }
    }

    /** {@code GET /jobs/:jobid/checkpoints/config}. */
    public record Config(
            @JsonProperty("mode") String mode,
            @JsonProperty("interval") long interval,
            @JsonProperty("timeout") long timeout,
            @JsonProperty("min_pause") long minPause,
            @JsonProperty("max_concurrent") int maxConcurrent,
            @JsonProperty("externalization") Externalization externalization,
            @JsonProperty("state_backend") String stateBackend,
            @JsonProperty("checkpoint_storage") String checkpointStorage,
            @JsonProperty("unaligned_checkpoints") boolean unalignedCheckpoints,
            @JsonProperty("tolerable_failed_checkpoints") int tolerableFailedCheckpoints,
            @JsonProperty("checkpoints_after_tasks_finish") boolean checkpointsAfterTasksFinish) {

        public static Config of(CheckpointSettings settings) {
            return new Config(
                    settings.exactlyOnce() ? "exactly_once" : "at_least_once",
                    settings.interval().toMillis(),
                    settings.timeout().toMillis(),
                    settings.minPause().toMillis(),
                    settings.maxConcurrent(),
                    new Externalization(
                            settings.retention() != ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS,
                            settings.retention() != ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION),
                    "HashMapStateBackend",
                    "FileSystemCheckpointStorage",
                    false,
                    settings.tolerableFailures(),
                    true);
        }
    }

    public record Externalization(
            @JsonProperty("enabled") boolean enabled,
            @JsonProperty("delete_on_cancellation") boolean deleteOnCancellation) {}
}
