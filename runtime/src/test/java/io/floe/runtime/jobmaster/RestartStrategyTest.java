package io.floe.runtime.jobmaster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.configuration.Configuration;
import io.floe.configuration.IllegalConfigurationException;
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
}
