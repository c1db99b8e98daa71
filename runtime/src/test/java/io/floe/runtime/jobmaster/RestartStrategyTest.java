package io.floe.runtime.jobmaster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.configuration.Configuration;
import io.floe.configuration.IllegalConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartStrategyTest {

    @Test
    void noneNeverRestarts() {
        assertFalse(RestartStrategy.fromConfiguration(new Configuration()).canRestart());
    }

    @Test
    void fixedDelayRestartsTheConfiguredNumberOfTimes() {
        RestartStrategy strategy = RestartStrategy.fromConfiguration(new Configuration()
                .setString("restart-strategy.type", "fixed-delay")
                .setString("restart-strategy.fixed-delay.attempts", "2")
                .setString("restart-strategy.fixed-delay.delay", "3 s"));
        assertTrue(strategy.canRestart());
        assertEquals(3000, strategy.nextRestart());
        assertTrue(strategy.canRestart());
        strategy.nextRestart();
        assertFalse(strategy.canRestart());
    }

    @Test
    void unknownTypeNamesTheKey() {
        IllegalConfigurationException e = assertThrows(
                IllegalConfigurationException.class,
                () -> RestartStrategy.fromConfiguration(
                        new Configuration().setString("restart-strategy.type", "sometimes")));
        assertTrue(e.getMessage().contains("restart-strategy.type"));
    }

    @Test
    void withCheckpointsAndNoTypeTheJobRestartsWithExponentialDelay() {
        long[] now = {0};
        RestartStrategy strategy = RestartStrategy.fromConfiguration(
                new Configuration()
                        .setString("execution.checkpointing.interval", "1 s")
                        .setString("restart-strategy.exponential-delay.jitter-factor", "0")
                        .setString("restart-strategy.exponential-delay.max-backoff", "3 s"),
                () -> now[0]);
        assertTrue(strategy.describe().startsWith("exponential-delay"), strategy.describe());
        long[] delays = new long[5];
        for (int i = 0; i < delays.length; i++) {
            assertTrue(strategy.canRestart());
            delays[i] = strategy.nextRestart();
            now[0] += 10;
        }
        assertArrayEquals(new long[] {1000, 1500, 2250, 3000, 3000}, delays);
        now[0] += Duration.ofHours(1).toMillis(); // a stable hour resets the backoff
        assertTrue(strategy.canRestart());
        assertEquals(1000, strategy.nextRestart());
    }

    @Test
    void failureRateRefusesMoreFailuresThanAllowedWithinTheInterval() {
        long[] now = {0};
        RestartStrategy strategy = RestartStrategy.fromConfiguration(
                new Configuration()
                        .setString("restart-strategy.type", "failure-rate")
                        .setString("restart-strategy.failure-rate.max-failures-per-interval", "2")
                        .setString("restart-strategy.failure-rate.failure-rate-interval", "10 s")
                        .setString("restart-strategy.failure-rate.delay", "5 ms"),
                () -> now[0]);
        assertTrue(strategy.canRestart());
        assertEquals(5, strategy.nextRestart());
        now[0] = 1000;
        assertTrue(strategy.canRestart());
        strategy.nextRestart();
        now[0] = 2000;
        assertFalse(strategy.canRestart(), "a third failure within 10 s");
        now[0] = 10_500; // the first failure left the interval
        assertTrue(strategy.canRestart());
    }
}
