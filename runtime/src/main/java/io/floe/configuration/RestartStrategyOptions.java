package io.floe.configuration;

import java.time.Duration;

/** How a failed job restarts: Flink's {@code restart-strategy.*} keys. */
public final class RestartStrategyOptions {
    private RestartStrategyOptions() {}

    public static final ConfigOption<String> TYPE = ConfigOption.key("restart-strategy.type")
            .stringType()
            .defaultValue("none")
            .withDescription("none (also off, disable) or fixed-delay (also fixeddelay).");

    public static final ConfigOption<Integer> FIXED_DELAY_ATTEMPTS =
            ConfigOption.key("restart-strategy.fixed-delay.attempts").intType().defaultValue(1);

    public static final ConfigOption<Duration> FIXED_DELAY_DELAY = ConfigOption.key(
                    "restart-strategy.fixed-delay.delay")
            .durationType()
            .defaultValue(Duration.ofSeconds(1));
}
