package io.floe.runtime.checkpoint;

import io.floe.api.CheckpointingMode;
import io.floe.api.ExternalizedCheckpointRetention;
import io.floe.configuration.CheckpointingOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.IllegalConfigurationException;
import java.time.Duration;

/**
 * How a job checkpoints, read from Flink's keys ({@link CheckpointingOptions}). {@code interval}
 * is null when the job takes no periodic checkpoints (savepoints only).
 */
public record CheckpointSettings(
        Duration interval,
        boolean exactlyOnce,
        Duration timeout,
        Duration minPause,
        int maxConcurrent,
        int tolerableFailures,
        ExternalizedCheckpointRetention retention,
        int numRetained) {

    /**
     * The job's settings.
     *
     * @throws IllegalConfigurationException naming the key of a value out of range
     */
    public static CheckpointSettings from(Configuration configuration) {
        CheckpointSettings settings = new CheckpointSettings(
                configuration.contains(CheckpointingOptions.INTERVAL)
                        ? configuration.get(CheckpointingOptions.INTERVAL)
                        : null,
                configuration.get(CheckpointingOptions.MODE) == CheckpointingMode.EXACTLY_ONCE,
                configuration.get(CheckpointingOptions.TIMEOUT),
                configuration.get(CheckpointingOptions.MIN_PAUSE),
                configuration.get(CheckpointingOptions.MAX_CONCURRENT),
                configuration.get(CheckpointingOptions.TOLERABLE_FAILURES),
                configuration.get(CheckpointingOptions.RETENTION),
                configuration.get(CheckpointingOptions.NUM_RETAINED));
        settings.check();
        return settings;
    }

    public boolean periodic() {
        return interval != null;
    }

    private void check() {
        if (interval != null) {
            atLeast(interval, Duration.ofMillis(10), CheckpointingOptions.INTERVAL.key());
        }
        atLeast(timeout, Duration.ofMillis(10), CheckpointingOptions.TIMEOUT.key());
        if (minPause.isNegative()) {
            throw new IllegalConfigurationException(
                    CheckpointingOptions.MIN_PAUSE.key() + " must not be negative, was " + minPause);
        }
        positive(maxConcurrent, CheckpointingOptions.MAX_CONCURRENT.key());
        positive(numRetained, CheckpointingOptions.NUM_RETAINED.key());
        if (tolerableFailures < 0) {
            throw new IllegalConfigurationException(
                    CheckpointingOptions.TOLERABLE_FAILURES.key() + " must not be negative, was " + tolerableFailures);
        }
    }

    private static void atLeast(Duration value, Duration minimum, String key) {
        if (value.compareTo(minimum) < 0) {
            throw new IllegalConfigurationException(
                    key + " must be at least " + minimum.toMillis() + " ms, was " + value);
        }
    }

    private static void positive(int value, String key) {
        if (value < 1) {
            throw new IllegalConfigurationException(key + " must be at least 1, was " + value);
        }
    }
}
