package io.floe.runtime.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.TimeDomain;
import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import io.floe.runtime.state.HeapKeyedStateBackend;
import io.floe.runtime.state.KeyGroupRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timers of a keyed operator on a real heap backend, without a task: fired once each, in time order, by key. */
class KeyedTimerServiceTest {
    private final List<String> fired = new ArrayList<>();

    private final HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>(
            new KeyGroupRange(0, 127),
            128,
            () -> 0L,
            new TaggedRecordSerializer(getClass().getClassLoader()));

    /** A clock that never calls back: these tests drive event time only. */
    private static final ProcessingTimeService NO_PROCESSING_TIME = new ProcessingTimeService() {
        @Override
        public long getCurrentProcessingTime() {
            return 0;
        }

        @Override
        public Registration registerTimer(long time, Callback callback) {
            return () -> {};
        }
    };

    private KeyedTimerService<String, Void> timers() throws Exception {
        return new KeyedTimerService<>(
                "test-timers",
                backend,
                NO_PROCESSING_TIME,
                new ElementTimestamp(),
                (key, namespace, time, domain) ->
                        fired.add(key + "@" + time + (domain == TimeDomain.EVENT_TIME ? "" : "?")));
    }

    @Test
    void aTimeoutMovedOnWithEveryRecordFiresOnceAndTheQueueStaysSmall() throws Exception {
        KeyedTimerService<String, Void> timers = timers();
        for (int key = 0; key < 10; key++) {
            backend.setCurrentKey("k" + key);
            timers.registerEventTimeTimer(null, 10_000);
        }
        // each record of a key moves its timeout on: delete the old timer, set a new one
        for (long t = 1; t <= 20_000; t++) {
            String key = "k" + (t % 10);
            backend.setCurrentKey(key);
            long previous = t <= 10 ? 10_000 : 10_000 + t - 10;
            timers.deleteEventTimeTimer(null, previous);
            timers.registerEventTimeTimer(null, 10_000 + t);
            assertEquals(key, backend.getCurrentKey(), "the current key is left as it was");
        }
        assertTrue(
                timers.queuedEventTimeEntries() <= 2 * 10 + 64,
                "deleted timers' entries are dropped, not kept until their time: " + timers.queuedEventTimeEntries());

        timers.advanceWatermark(Long.MAX_VALUE);
        List<String> expected = new ArrayList<>();
        for (long t = 19_991; t <= 20_000; t++) {
            expected.add("k" + (t % 10) + "@" + (10_000 + t));
        }
        assertEquals(expected, fired, "only each key's last timeout fires, once, in time order");
    }

    @Test
    void aTimerSetAgainAfterADeleteFiresOnce() throws Exception {
        KeyedTimerService<String, Void> timers = timers();
        backend.setCurrentKey("a");
        timers.registerEventTimeTimer(null, 5);
        timers.deleteEventTimeTimer(null, 5);
        timers.registerEventTimeTimer(null, 5);
        timers.registerEventTimeTimer(null, 5); // set twice: one timer
        timers.advanceWatermark(4);
        assertEquals(List.of(), fired);
        timers.advanceWatermark(5);
        assertEquals(List.of("a@5"), fired);
        timers.advanceWatermark(100);
        assertEquals(List.of("a@5"), fired);
    }
}
