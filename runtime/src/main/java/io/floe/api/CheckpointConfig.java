package io.floe.api;

import io.floe.configuration.CheckpointingOptions;
import io.floe.configuration.Configuration;
import java.time.Duration;
import java.util.Objects;

/**
 * How a job checkpoints, as Flink's {@code CheckpointConfig}: every setter writes the matching
 * {@code execution.checkpointing.*} key of the environment's configuration, so a program's calls
 * and a {@code config.yaml} say the same thing in two ways. Get it from {@link
 * StreamExecutionEnvironment#getCheckpointConfig()}.
 */
public class CheckpointConfig {
    private final Configuration configuration;

    CheckpointConfig(Configuration configuration) {
        this.configuration = configuration;
    }

    public boolean isCheckpointingEnabled() {
        return configuration.contains(CheckpointingOptions.INTERVAL);
    }

    /** The interval in milliseconds, or -1 when checkpointing is off (as in Flink). */
    public long getCheckpointInterval() {
        return isCheckpointingEnabled()
                ? configuration.get(CheckpointingOptions.INTERVAL).toMillis()
                : -1;
    }

    /** Turns checkpointing on, every {@code intervalMillis} (at least 10). */
    public void setCheckpointInterval(long intervalMillis) {
        if (intervalMillis < 10) {
            throw new IllegalArgumentException(
                    "Checkpoint interval must be larger than or equal to 10 ms, was " + intervalMillis);
        }
        configuration.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(intervalMillis));
    }

    public CheckpointingMode getCheckpointingMode() {
        return configuration.get(CheckpointingOptions.MODE);
    }

    public void setCheckpointingMode(CheckpointingMode mode) {
        configuration.set(CheckpointingOptions.MODE, Objects.requireNonNull(mode));
    }

    public long getCheckpointTimeout() {
        return configuration.get(CheckpointingOptions.TIMEOUT).toMillis();
    }

    public void setCheckpointTimeout(long timeoutMillis) {
        if (timeoutMillis < 10) {
            throw new IllegalArgumentException(
                    "Checkpoint timeout must be larger than or equal to 10 ms, was " + timeoutMillis);
        }
        configuration.set(CheckpointingOptions.TIMEOUT, Duration.ofMillis(timeoutMillis));
    }

    public long getMinPauseBetweenCheckpoints() {
        return configuration.get(CheckpointingOptions.MIN_PAUSE).toMillis();
    }

    public void setMinPauseBetweenCheckpoints(long minPauseMillis) {
        if (minPauseMillis < 0) {
            throw new IllegalArgumentException("Pause value must be zero or positive, was " + minPauseMillis);
        }
        configuration.set(CheckpointingOptions.MIN_PAUSE, Duration.ofMillis(minPauseMillis));
    }

    public int getMaxConcurrentCheckpoints() {
        return configuration.get(CheckpointingOptions.MAX_CONCURRENT);
    }

    public void setMaxConcurrentCheckpoints(int maxConcurrentCheckpoints) {
        if (maxConcurrentCheckpoints < 1) {
            throw new IllegalArgumentException(
                    "The maximum number of concurrent attempts must be at least one, was " + maxConcurrentCheckpoints);
        }
        configuration.set(CheckpointingOptions.MAX_CONCURRENT, maxConcurrentCheckpoints);
    }

    public int getTolerableCheckpointFailureNumber() {
        return configuration.get(CheckpointingOptions.TOLERABLE_FAILURES);
    }

    public void setTolerableCheckpointFailureNumber(int tolerableFailures) {
        if (tolerableFailures < 0) {
            throw new IllegalArgumentException(
                    "The tolerable failure checkpoint number must be non-negative, was " + tolerableFailures);
        }
        configuration.set(CheckpointingOptions.TOLERABLE_FAILURES, tolerableFailures);
    }

    public ExternalizedCheckpointRetention getExternalizedCheckpointRetention() {
        return configuration.get(CheckpointingOptions.RETENTION);
    }

    public void setExternalizedCheckpointRetention(ExternalizedCheckpointRetention retention) {
        configuration.set(CheckpointingOptions.RETENTION, Objects.requireNonNull(retention));
    }

    /** Where checkpoints go, a directory URI ({@code hdfs://...}, {@code file:///...}): execution.checkpointing.dir. */
    public void setCheckpointStorage(String checkpointDirectory) {
        configuration.set(CheckpointingOptions.CHECKPOINTING_DIRECTORY, Objects.requireNonNull(checkpointDirectory));
    }
}
