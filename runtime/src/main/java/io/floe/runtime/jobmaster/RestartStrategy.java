package io.floe.runtime.jobmaster;

import io.floe.configuration.Configuration;
import io.floe.configuration.IllegalConfigurationException;
import io.floe.configuration.RestartStrategyOptions;
import java.util.Locale;

/** Decides whether and when a failed job restarts: Flink's {@code none} and {@code fixed-delay} strategies. */
public final class RestartStrategy {
    private final int maxAttempts;
    private final long delayMillis;
    private int attempts;

    private RestartStrategy(int maxAttempts, long delayMillis) {
        this.maxAttempts = maxAttempts;
        this.delayMillis = delayMillis;
    }

    public static RestartStrategy fromConfiguration(Configuration configuration) {
        String type = configuration.get(RestartStrategyOptions.TYPE).toLowerCase(Locale.ROOT);
        switch (type) {
            case "none":
            case "off":
            case "disable":
            case "no-restart":
                return new RestartStrategy(0, 0);
            case "fixed-delay":
            case "fixeddelay":
                return new RestartStrategy(
                        configuration.get(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS),
                        configuration
                                .get(RestartStrategyOptions.FIXED_DELAY_DELAY)
                                .toMillis());
            default:
                throw new IllegalConfigurationException(
                        "Invalid value '" + type + "' for 'restart-strategy.type': " + "expected none or fixed-delay.");
        }
    }

    public boolean canRestart() {
        return attempts < maxAttempts;
    }

    /** Counts a restart and returns how long to wait before it. */
    public long nextRestart() {
        attempts++;
        return delayMillis;
    }

    public int restartsSoFar() {
        return attempts;
    }

    public String describe() {
        return maxAttempts == 0
                ? "no restarts (restart-strategy.type: none)"
                : "fixed-delay, " + maxAttempts + " attempt(s), " + delayMillis + " ms apart";
    }
}
