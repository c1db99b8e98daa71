package io.floe.configuration;

import java.time.Duration;

/** How a failed job restarts: Flink's {@code restart-strategy.*} keys and defaults. */
public final class RestartStrategyOptions {
    private RestartStrategyOptions() {}

    /** No default: {@code none} for a job without checkpoints, {@code exponential-delay} with them (as in Flink). */
    public static final ConfigOption<String> TYPE = ConfigOption.key("restart-strategy.type")
            .stringType()
            .noDefaultValue()
            .withDescription("none (also off, disable), fixed-delay (fixeddelay), failure-rate (failurerate) or"
                    + " exponential-delay (exponentialdelay).");

    public static final ConfigOption<Integer> FIXED_DELAY_ATTEMPTS =
            ConfigOption.key("restart-strategy.fixed-delay.attempts").intType().defaultValue(1);

    public static final ConfigOption<Duration> FIXED_DELAY_DELAY = ConfigOption.key(
                    "restart-strategy.fixed-delay.delay")
            .durationType()
            .defaultValue(Duration.ofSeconds(1));

    public static final ConfigOption<Integer> FAILURE_RATE_MAX_FAILURES = ConfigOption.key(
                    "restart-strategy.failure-rate.max-failures-per-interval")
            .intType()
            .defaultValue(1);

    public static final ConfigOption<Duration> FAILURE_RATE_INTERVAL = ConfigOption.key(
                    "restart-strategy.failure-rate.failure-rate-interval")
            .durationType()
            .defaultValue(Duration.ofMinutes(1));

    public static final ConfigOption<Duration> FAILURE_RATE_DELAY = ConfigOption.key(
                    "restart-strategy.failure-rate.delay")
            .durationType()
            .defaultValue(Duration.ofSeconds(1));

    public static final ConfigOption<Duration> EXPONENTIAL_INITIAL_BACKOFF = ConfigOption.key(
                    "restart-strategy.exponential-delay.initial-backoff")
            .durationType()
            .defaultValue(Duration.ofSeconds(1));

    public static final ConfigOption<Duration> EXPONENTIAL_MAX_BACKOFF = ConfigOption.key(
                    "restart-strategy.exponential-delay.max-backoff")
            .durationType()
            .defaultValue(Duration.ofMinutes(1));

    public static final ConfigOption<Double> EXPONENTIAL_MULTIPLIER = ConfigOption.key(
                    "restart-strategy.exponential-delay.backoff-multiplier")
            .doubleType()
            .defaultValue(1.5);

    public static final ConfigOption<Duration> EXPONENTIAL_RESET_THRESHOLD = ConfigOption.key(
                    "restart-strategy.exponential-delay.reset-backoff-threshold")
            .durationType()
            .defaultValue(Duration.ofHours(1));

    public static final ConfigOption<Double> EXPONENTIAL_JITTER = ConfigOption.key(
                    "restart-strategy.exponential-delay.jitter-factor")
            .doubleType()
            .defaultValue(0.1);

    public static final ConfigOption<Integer> EXPONENTIAL_ATTEMPTS = ConfigOption.key(
                    "restart-strategy.exponential-delay.attempts-before-reset-backoff")
            .intType()
            .defaultValue(Integer.MAX_VALUE);
}
