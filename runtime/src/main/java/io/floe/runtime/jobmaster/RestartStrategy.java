package io.floe.runtime.jobmaster;

import io.floe.configuration.CheckpointingOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.IllegalConfigurationException;
import io.floe.configuration.RestartStrategyOptions;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Decides whether and when a failed job restarts, with Flink's strategies and defaults: {@code
 * none}; {@code fixed-delay} (n attempts, a fixed delay); {@code failure-rate} (at most n failures
 * within an interval); {@code exponential-delay} (the delay grows by a multiplier up to a maximum,
 * with jitter, and falls back to the initial one after the job ran without failure for the reset
 * threshold). Without {@code restart-strategy.type} a job with checkpoints restarts with
 * exponential-delay and one without does not restart, as in Flink 1.20. Main thread only.
 */
public final class RestartStrategy {
    private enum Type {
        NONE,
        FIXED_DELAY,
        FAILURE_RATE,
        EXPONENTIAL_DELAY
    }

    private final Type type;
    private final Configuration configuration;
    private final LongSupplier clock;
    /** Failure times within the failure-rate interval, oldest first. */
    private final ArrayDeque<Long> recentFailures = new ArrayDeque<>();

    private int restarts;
    private long currentBackoff;
    private long lastFailure = -1;
    private int attemptsSinceReset;

    private RestartStrategy(Type type, Configuration configuration, LongSupplier clock) {
        this.type = type;
        this.configuration = configuration;
        this.clock = clock;
    }

    public static RestartStrategy fromConfiguration(Configuration configuration) {
        return fromConfiguration(configuration, System::currentTimeMillis);
    }

    static RestartStrategy fromConfiguration(Configuration configuration, LongSupplier clock) {
        String name = configuration.get(RestartStrategyOptions.TYPE);
        if (name == null) {
            name = configuration.contains(CheckpointingOptions.INTERVAL) ? "exponential-delay" : "none";
        }
        Type type =
                switch (name.toLowerCase(Locale.ROOT)) {
                    case "none", "off", "disable", "no-restart" -> Type.NONE;
                    case "fixed-delay", "fixeddelay" -> Type.FIXED_DELAY;
                    case "failure-rate", "failurerate" -> Type.FAILURE_RATE;
                    case "exponential-delay", "exponentialdelay" -> Type.EXPONENTIAL_DELAY;
                    default ->
                        throw new IllegalConfigurationException("Invalid value '" + name
                                + "' for 'restart-strategy.type': expected none, fixed-delay, failure-rate or"
                                + " exponential-delay.");
                };
        return new RestartStrategy(type, configuration, clock);
    }

    /** Whether the job may restart after the failure that just happened. */
    public boolean canRestart() {
        long now = clock.getAsLong();
        return switch (type) {
            case NONE -> false;
            case FIXED_DELAY -> restarts < configuration.get(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS);
            case FAILURE_RATE -> {
                long window = configuration
                        .get(RestartStrategyOptions.FAILURE_RATE_INTERVAL)
                        .toMillis();
                while (!recentFailures.isEmpty() && recentFailures.peekFirst() <= now - window) {
                    recentFailures.pollFirst();
                }
                yield recentFailures.size() < configuration.get(RestartStrategyOptions.FAILURE_RATE_MAX_FAILURES);
            }
            case EXPONENTIAL_DELAY -> {
                resetBackoffIfStable(now);
                yield attemptsSinceReset < configuration.get(RestartStrategyOptions.EXPONENTIAL_ATTEMPTS);
            }
        };
    }

    /** Counts a restart and returns how long to wait before it, in milliseconds. */
    public long nextRestart() {
        long now = clock.getAsLong();
        restarts++;
        return switch (type) {
            case NONE -> 0;
            case FIXED_DELAY ->
                configuration.get(RestartStrategyOptions.FIXED_DELAY_DELAY).toMillis();
            case FAILURE_RATE -> {
                recentFailures.addLast(now);
                yield configuration
                        .get(RestartStrategyOptions.FAILURE_RATE_DELAY)
                        .toMillis();
            }
            case EXPONENTIAL_DELAY -> exponentialBackoff(now);
        };
    }

    private void resetBackoffIfStable(long now) {
        long threshold = configuration
                .get(RestartStrategyOptions.EXPONENTIAL_RESET_THRESHOLD)
                .toMillis();
        if (lastFailure >= 0 && now - lastFailure >= threshold) {
            currentBackoff = 0;
            attemptsSinceReset = 0;
        }
    }

    private long exponentialBackoff(long now) {
        long initial = configuration
                .get(RestartStrategyOptions.EXPONENTIAL_INITIAL_BACKOFF)
                .toMillis();
        long max = configuration
                .get(RestartStrategyOptions.EXPONENTIAL_MAX_BACKOFF)
                .toMillis();
        double multiplier = configuration.get(RestartStrategyOptions.EXPONENTIAL_MULTIPLIER);
        currentBackoff = currentBackoff == 0 ? initial : Math.min(max, (long) (currentBackoff * multiplier));
        lastFailure = now;
        attemptsSinceReset++;
        double jitter = configuration.get(RestartStrategyOptions.EXPONENTIAL_JITTER);
        long spread = (long) (currentBackoff * jitter);
        long delay = currentBackoff + (spread > 0 ? ThreadLocalRandom.current().nextLong(-spread, spread + 1) : 0);
        return Math.max(0, Math.min(max, delay));
    }

    public int restartsSoFar() {
        return restarts;
    }

    public String describe() {
        return switch (type) {
            case NONE -> "no restarts (restart-strategy.type: none)";
            case FIXED_DELAY ->
                "fixed-delay, " + configuration.get(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS)
                        + " attempt(s), "
                        + configuration
                                .get(RestartStrategyOptions.FIXED_DELAY_DELAY)
                                .toMillis()
                        + " ms apart";
            case FAILURE_RATE ->
                "failure-rate, at most "
                        + configuration.get(RestartStrategyOptions.FAILURE_RATE_MAX_FAILURES) + " failure(s) per "
                        + configuration
                                .get(RestartStrategyOptions.FAILURE_RATE_INTERVAL)
                                .toMillis() + " ms, "
                        + configuration
                                .get(RestartStrategyOptions.FAILURE_RATE_DELAY)
                                .toMillis() + " ms apart";
            case EXPONENTIAL_DELAY ->
                "exponential-delay, from "
                        + configuration
                                .get(RestartStrategyOptions.EXPONENTIAL_INITIAL_BACKOFF)
                                .toMillis() + " ms up to "
                        + configuration
                                .get(RestartStrategyOptions.EXPONENTIAL_MAX_BACKOFF)
                                .toMillis() + " ms (x"
                        + configuration.get(RestartStrategyOptions.EXPONENTIAL_MULTIPLIER) + ")";
        };
    }
}
