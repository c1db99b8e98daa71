package io.floe.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.runtime.checkpoint.CheckpointBarrier;
import io.floe.runtime.checkpoint.CheckpointType;
import io.floe.runtime.network.EndOfChannel;
import io.floe.runtime.network.InputChannelDescriptor;
import io.floe.runtime.network.InputGate;
import io.floe.runtime.network.NetworkConfig;
import io.floe.runtime.network.NetworkEnvironment;
import io.floe.runtime.network.RecordWriter;
import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import io.floe.runtime.types.ResultPartitionId;
import io.floe.testutils.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Barrier alignment over a real input gate with two producers, local or over TCP. */
@Timeout(60)
class CheckpointBarrierAlignerTest {
    private static final TaggedRecordSerializer SERIALIZER =
            new TaggedRecordSerializer(CheckpointBarrierAlignerTest.class.getClassLoader());

    private NetworkEnvironment producers;
    private NetworkEnvironment consumers;
    private RecordWriter first;
    private RecordWriter second;
    private InputGate gate;

    /** Everything the consumer saw, in order: records, "aligned N" and "aborted N". */
    private final List<Object> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        producers = NetworkEnvironment.start(config());
    }

    private void connect(boolean remote) {
        consumers = remote ? NetworkEnvironment.start(config()) : producers;
        ResultPartitionId a = new ResultPartitionId("first");
        ResultPartitionId b = new ResultPartitionId("second");
        // no flusher: buffers go when full, flushed, or before an event
        first = producers.createResultPartition(a, 1).createRecordWriter(SERIALIZER, null);
        second = producers.createResultPartition(b, 1).createRecordWriter(SERIALIZER, null);
        gate = consumers.createInputGate(List.of(
                new InputChannelDescriptor(a, 0, producers.getDataHost(), producers.getDataPort()),
                new InputChannelDescriptor(b, 0, producers.getDataHost(), producers.getDataPort())));
    }

    @AfterEach
    void tearDown() {
        if (gate != null) {
            gate.close();
        }
        if (consumers != null && consumers != producers) {
            consumers.close();
        }
        producers.close();
    }

    private static NetworkConfig config() {
        return new NetworkConfig("127.0.0.1", "127.0.0.1", 0, 1024, 2, 10, Duration.ofSeconds(10));
    }

    /** Reads the gate to its end on another thread, feeding barriers and channel ends to the aligner. */
    private CompletableFuture<Void> consume(boolean exactlyOnce) {
        CheckpointBarrierAligner aligner = new CheckpointBarrierAligner(gate, exactlyOnce, new Recorder());
        return CompletableFuture.runAsync(() -> {
            try {
                Object next;
                while ((next = gate.next(SERIALIZER)) != null) {
                    if (next instanceof CheckpointBarrier barrier) {
                        aligner.onBarrier(barrier, gate.getLastChannelIndex());
                    } else if (next instanceof EndOfChannel end) {
                        aligner.onEndOfChannel(end.channelIndex());
                    } else {
                        seen.add(next);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private final class Recorder implements CheckpointBarrierAligner.Listener {
        @Override
        public void onAligned(CheckpointBarrier barrier) {
            seen.add("aligned " + barrier.checkpointId());
        }

        @Override
        public void onAborted(long checkpointId, String reason) {
            seen.add("aborted " + checkpointId);
        }
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void exactlyOnceHoldsBackAFastChannelUntilTheBarrierCameOnEveryChannel(boolean remote) throws Exception {
        connect(remote);
        CompletableFuture<Void> consumer = consume(true);
        for (long i = 1; i <= 5; i++) {
            first.emit(i, 0);
        }
        first.broadcastEvent(new CheckpointBarrier(1, 0, CheckpointType.CHECKPOINT, "unused"));
        for (long i = 6; i <= 200; i++) {
            first.emit(i, 0); // after the barrier: must wait (a few buffers, less than the queue holds)
        }
        first.close();
        second.emit(101L, 0);
        second.emit(102L, 0);
        second.flushAll();
        Deadline.waitUntil(
                () -> seen.contains(102L) && seen.contains(5L),
                Duration.ofSeconds(20),
                "the records before both barriers");
        // 6..200 are all queued by now (emitted and flushed before 102): had the first channel not been held
        // back, some would be taken before the second barrier and stand before "aligned 1" below
        assertFalse(seen.contains(6L), "nothing after the first channel's barrier before alignment: " + seen);

        second.broadcastEvent(new CheckpointBarrier(1, 0, CheckpointType.CHECKPOINT, "unused"));
        second.emit(103L, 0);
        second.close();
        consumer.get(30, TimeUnit.SECONDS);

        int aligned = seen.indexOf("aligned 1");
        List<Object> before = new ArrayList<>(seen.subList(0, aligned));
        List<Object> after = new ArrayList<>(seen.subList(aligned + 1, seen.size()));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 101L, 102L), sorted(before));
        assertEquals(196, after.size(), "6..200 and 103 come after the snapshot");
        assertTrue(after.contains(103L) && after.contains(200L));
    }

    @Test
    void atLeastOnceBlocksNothingAndCompletesWithTheLastBarrier() throws Exception {
        connect(false);
        CompletableFuture<Void> consumer = consume(false);
        first.emit(1L, 0);
        first.broadcastEvent(new CheckpointBarrier(1, 0, CheckpointType.CHECKPOINT, "unused"));
        first.emit(2L, 0);
        first.flushAll();
        Deadline.waitUntil(() -> seen.contains(2L), Duration.ofSeconds(20), "record 2, past the first barrier");
        assertFalse(seen.contains("aligned 1"));
        second.broadcastEvent(new CheckpointBarrier(1, 0, CheckpointType.CHECKPOINT, "unused"));
        first.close();
        second.close();
        consumer.get(30, TimeUnit.SECONDS);
        assertEquals(List.of(1L, 2L, "aligned 1"), seen);
    }

    @Test
    void aChannelThatEndsDuringAlignmentNoLongerHoldsItBack() throws Exception {
        connect(false);
        CompletableFuture<Void> consumer = consume(true);
        first.broadcastEvent(new CheckpointBarrier(1, 0, CheckpointType.CHECKPOINT, "unused"));
        first.emit(7L, 0);
        first.close();
        Deadline.waitUntil(() -> gate.isBlocked(0), Duration.ofSeconds(20), "channel 0 blocked");
        second.emit(8L, 0);
        second.close(); // ends without a barrier, as a finished source does
        consumer.get(30, TimeUnit.SECONDS);
        assertEquals(List.of(8L, "aligned 1", 7L), seen);
    }

    @Test
    void aNewerCheckpointsBarrierAbortsTheAlignmentOfTheOlderOne() throws Exception {
        connect(false);
        CompletableFuture<Void> consumer = consume(true);
        first.broadcastEvent(new CheckpointBarrier(1, 0, CheckpointType.CHECKPOINT, "unused"));
        Deadline.waitUntil(() -> gate.isBlocked(0), Duration.ofSeconds(20), "channel 0 blocked");
        second.broadcastEvent(
                new CheckpointBarrier(2, 0, CheckpointType.CHECKPOINT, "unused")); // checkpoint 1 was given up upstream
        second.emit(20L, 0);
        second.flushAll();
        Deadline.waitUntil(() -> seen.contains("aborted 1"), Duration.ofSeconds(20), "checkpoint 1 aborted");
        first.broadcastEvent(new CheckpointBarrier(2, 0, CheckpointType.CHECKPOINT, "unused"));
        first.close();
        second.close();
        consumer.get(30, TimeUnit.SECONDS);
        assertEquals(List.of("aborted 1", "aligned 2", 20L), seen);
    }

    private static List<Object> sorted(List<Object> records) {
        List<Object> copy = new ArrayList<>(records);
        copy.sort((x, y) -> Long.compare((Long) x, (Long) y));
        return copy;
    }
}
