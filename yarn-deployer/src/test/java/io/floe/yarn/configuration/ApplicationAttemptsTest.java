package io.floe.yarn.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.configuration.Configuration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** As in Flink: one attempt by default, two once high availability is asked for, and what the user says wins. */
class ApplicationAttemptsTest {
    private static int attempts(Map<String, String> settings) {
        return YarnConfigOptions.applicationAttempts(Configuration.fromMap(settings));
    }

    @Test
    void highAvailabilityRaisesTheDefaultToTwoAndAnExplicitValueWins() {
        assertEquals(1, attempts(Map.of()));
        assertEquals(1, attempts(Map.of("high-availability.type", "NONE")));
        assertEquals(2, attempts(Map.of("high-availability.type", "yarn")));
        assertEquals(1, attempts(Map.of("high-availability.type", "yarn", "yarn.application-attempts", "1")));
        assertEquals(4, attempts(Map.of("yarn.application-attempts", "4")));
    }
}
