package io.floe.runtime.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {
    @Test
    void doublesFromTheInitialDelayUpToTheMaximum() {
        List<Long> delays = new ArrayList<>();
        Duration delay = null;
        for (int i = 0; i < 8; i++) {
            delay = new ExponentialBackoff(Duration.ofMillis(10), Duration.ofMillis(500)).next(delay);
            delays.add(delay.toMillis());
        }

        assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 320L, 500L, 500L), delays);
    }

    @Test
    void refusesAMaximumBelowTheInitialDelay() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofMillis(10)));
    }
}
