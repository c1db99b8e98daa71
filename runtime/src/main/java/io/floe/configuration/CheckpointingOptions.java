package io.floe.configuration;

import io.floe.api.CheckpointingMode;
import io.floe.api.ExternalizedCheckpointRetention;
import java.time.Duration;

/** Flink's checkpointing keys and defaults. */
public final class CheckpointingOptions {
    private CheckpointingOptions() {}

    /** No default: checkpointing is off unless an interval is set. */
    public static final ConfigOption<Duration> INTERVAL =
            ConfigOption.key("execution.checkpointing.interval").durationType().noDefaultValue();

    public static final ConfigOption<CheckpointingMode> MODE = ConfigOption.key("execution.checkpointing.mode")
            .enumType(CheckpointingMode.class)
            .defaultValue(CheckpointingMode.EXACTLY_ONCE);

    public static final ConfigOption<Duration> TIMEOUT =
            ConfigOption.key("execution.checkpointing.timeout").durationType().defaultValue(Duration.ofMinutes(10));

    public static final ConfigOption<Duration> MIN_PAUSE =
            ConfigOption.key("execution.checkpointing.min-pause").durationType().defaultValue(Duration.ZERO);

    public static final ConfigOption<Integer> MAX_CONCURRENT = ConfigOption.key(
                    "execution.checkpointing.max-concurrent-checkpoints")
            .intType()
            .defaultValue(1);

    public static final ConfigOption<Integer> TOLERABLE_FAILURES = ConfigOption.key(
                    "execution.checkpointing.tolerable-failed-checkpoints")
            .intType()
            .defaultValue(0);

    public static final ConfigOption<ExternalizedCheckpointRetention> RETENTION = ConfigOption.key(
                    "execution.checkpointing.externalized-checkpoint-retention")
            .enumType(ExternalizedCheckpointRetention.class)
            .defaultValue(ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);

    public static final ConfigOption<Integer> NUM_RETAINED =
            ConfigOption.key("state.checkpoints.num-retained").intType().defaultValue(1);

    /** Flink 1.20's name for the checkpoint directory; wins over {@link #CHECKPOINTS_DIRECTORY}. */
    public static final ConfigOption<String> CHECKPOINTING_DIRECTORY =
            ConfigOption.key("execution.checkpointing.dir").stringType().noDefaultValue();

    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY =
            ConfigOption.key("state.checkpoints.dir").stringType().noDefaultValue();

    /** Flink 1.20's name for the default savepoint directory; wins over {@link #SAVEPOINT_DIRECTORY}. */
    public static final ConfigOption<String> CHECKPOINTING_SAVEPOINT_DIRECTORY = ConfigOption.key(
                    "execution.checkpointing.savepoint-dir")
            .stringType()
            .noDefaultValue();

    public static final ConfigOption<String> SAVEPOINT_DIRECTORY =
            ConfigOption.key("state.savepoints.dir").stringType().noDefaultValue();

    /** Set by {@code floe run -s}: the savepoint or retained checkpoint the job starts from. */
    public static final ConfigOption<String> SAVEPOINT_PATH =
            ConfigOption.key("execution.savepoint.path").stringType().noDefaultValue();

    /** Set by {@code floe run -n}: state of operators the program no longer has is skipped, not refused. */
    public static final ConfigOption<Boolean> SAVEPOINT_IGNORE_UNCLAIMED_STATE = ConfigOption.key(
                    "execution.savepoint.ignore-unclaimed-state")
            .booleanType()
            .defaultValue(false);

    /** The checkpoint directory under either name, or null. */
    public static String checkpointDirectory(Configuration configuration) {
        return configuration.contains(CHECKPOINTING_DIRECTORY)
                ? configuration.get(CHECKPOINTING_DIRECTORY)
                : configuration.get(CHECKPOINTS_DIRECTORY, null);
    }

    /** The default savepoint directory under either name, or null. */
    public static String savepointDirectory(Configuration configuration) {
        return configuration.contains(CHECKPOINTING_SAVEPOINT_DIRECTORY)
                ? configuration.get(CHECKPOINTING_SAVEPOINT_DIRECTORY)
                : configuration.get(SAVEPOINT_DIRECTORY, null);
    }
}
