package io.floe.runtime.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.runtime.rpc.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartbeatTimeoutsTest {

    private final ManualClock clock = new ManualClock(0);
    private final HeartbeatTimeouts<String> timeouts = new HeartbeatTimeouts<>(Duration.ofSeconds(10), clock::millis);

    @Test
    void aPeerExpiresOnceItWasSilentLongerThanTheTimeoutAndOnlyOnce() {
        timeouts.heard("a");
        timeouts.heard("b");
        clock.advance(Duration.ofSeconds(6));
        timeouts.heard("b");
        clock.advance(Duration.ofSeconds(4));
        assertEquals(List.of(), timeouts.removeExpired(), "10 s of silence is not longer than the timeout");

        clock.advance(Duration.ofMillis(1));

        assertEquals(List.of("a"), timeouts.removeExpired());
        assertEquals(List.of(), timeouts.removeExpired());
        assertFalse(timeouts.watches("a"));
        assertTrue(timeouts.watches("b"));
    }

    @Test
    void watchingAgainDoesNotResetTheSilenceButHearingDoes() {
        timeouts.watch("a");
        clock.advance(Duration.ofSeconds(8));
        timeouts.watch("a");
        clock.advance(Duration.ofSeconds(3));

        assertEquals(List.of("a"), timeouts.removeExpired());

        timeouts.heard("a");
        timeouts.forget("a");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), timeouts.removeExpired());
    }
}
