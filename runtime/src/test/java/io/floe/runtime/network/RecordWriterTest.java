package io.floe.runtime.network;

import static io.floe.runtime.network.NetworkTestHarness.SERIALIZER;
import static io.floe.runtime.network.NetworkTestHarness.TIMEOUT;
import static io.floe.runtime.network.NetworkTestHarness.channel;
import static io.floe.runtime.network.NetworkTestHarness.config;
import static io.floe.runtime.network.NetworkTestHarness.drain;
import static io.floe.runtime.network.NetworkTestHarness.smallBuffers;
import static io.floe.runtime.network.NetworkTestHarness.waitUntil;
import static io.floe.runtime.network.NetworkTestHarness.waitUntilWaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.tuple.Tuple2;
import io.floe.runtime.types.ResultPartitionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class RecordWriterTest {

    private static final int CREDITS = 2;
    private static final int MAX_BUFFERS = 4;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(TIMEOUT.toMillis());
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {true, false})
    void slowConsumerBlocksTheProducerAndBoundsBuffersInFlight(boolean remote) throws Exception {
        NetworkEnvironment producerEnvironment = start(config(1024, CREDITS, MAX_BUFFERS, Duration.ofSeconds(10)));
        NetworkEnvironment consumerEnvironment =
                remote ? start(config(1024, CREDITS, MAX_BUFFERS, Duration.ofSeconds(10))) : producerEnvironment;
        ResultPartitionId id = new ResultPartitionId("fast-producer");
        ResultPartition partition = producerEnvironment.createResultPartition(id, 1);
        InputGate gate = consumerEnvironment.createInputGate(List.of(channel(producerEnvironment, id, 0)));
        toClose.add(gate);

        AtomicBoolean stop = new AtomicBoolean();
        RecordWriter writer = partition.createRecordWriter(SERIALIZER, null);
        CompletableFuture<Long> produced = new CompletableFuture<>();
        Thread producer = startThread(
                "producer",
                () -> {
                    long i = 0;
                    while (!stop.get()) {
                        writer.emit(Tuple2.of(i, i), 0);
                        i++;
                    }
                    writer.close();
                    produced.complete(i);
                },
                produced);

        for (long i = 0; i < 100; i++) {
            assertEquals(Tuple2.of(i, i), gate.next(SERIALIZER));
        }
        // the consumer pauses: the producer must come to a halt with bounded buffers in flight
        // (once credits returned for the buffers read so far have been used up)
        waitUntilWaiting(producer);
        long written = awaitStableCount(writer, Duration.ofMillis(100));
        long pauseEnds = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < pauseEnds) {
            assertEquals(written, writer.getRecordsWritten(), "the producer kept writing while the consumer paused");
            assertEquals(Thread.State.WAITING, producer.getState());
            int inFlight = partition.getNumberOfQueuedBuffers(0)
                    + gate.getNumberOfBufferedBuffers()
                    + (int) (producerEnvironment.getMetrics().getRemoteBuffersSent()
                            - consumerEnvironment.getMetrics().getRemoteBuffersReceived());
            assertTrue(inFlight <= MAX_BUFFERS + CREDITS + 2, "buffers in flight: " + inFlight);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        // blocked at MAX_BUFFERS queued, resumes only at half of that
        assertTrue(partition.getNumberOfQueuedBuffers(0) > MAX_BUFFERS / 2, "queue is (nearly) full");
        // reading past what was written during the pause proves the producer resumed; remote, the buffers sent
        // for the credits this returns come from the full queue and carry its backlog (the last buffers sent before
        // the pause may have left an empty queue behind them, so their backlog can be 0)
        long read = 100;
        boolean backlogAnnounced = false;
        while (read < written + 1000) {
            assertEquals(Tuple2.of(read, read), gate.next(SERIALIZER));
            read++;
            backlogAnnounced |= remote && ((RemoteInputChannel) gate.getChannel(0)).getSenderBacklog() > 0;
        }
        assertTrue(!remote || backlogAnnounced, "the backlog travelled with the buffers sent from the full queue");
        stop.set(true);
        read += drain(gate).size();
        assertEquals(produced.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), read);
    }

    @Test
    void flusherSendsASmallRecordWithoutClose() throws Exception {
        NetworkEnvironment producerEnvironment = start(smallBuffers());
        NetworkEnvironment consumerEnvironment = start(smallBuffers());
        ResultPartitionId id = new ResultPartitionId("trickle");
        ResultPartition partition = producerEnvironment.createResultPartition(id, 1);
        InputGate gate = consumerEnvironment.createInputGate(List.of(channel(producerEnvironment, id, 0)));
        toClose.add(gate);
        RecordWriter writer = partition.createRecordWriter(SERIALIZER, Duration.ofMillis(50));

        writer.emit("hello", 0);
        assertEquals("hello", assertTimeoutPreemptively(TIMEOUT, () -> gate.next(SERIALIZER)));
        writer.emit("again", 0);
        assertEquals("again", assertTimeoutPreemptively(TIMEOUT, () -> gate.next(SERIALIZER)));
        writer.close();
        assertEquals(null, gate.next(SERIALIZER));
        assertTrue(
                Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().startsWith("floe-output-flusher-trickle")),
                "flusher stopped on close");
    }

    @Test
    void zeroFlushIntervalSendsEveryRecordAtOnce() throws Exception {
        NetworkEnvironment environment = start(smallBuffers());
        ResultPartitionId id = new ResultPartitionId("eager");
        ResultPartition partition = environment.createResultPartition(id, 1);
        InputGate gate = environment.createInputGate(List.of(channel(environment, id, 0)));
        toClose.add(gate);
        RecordWriter writer = partition.createRecordWriter(SERIALIZER, Duration.ZERO);
        for (long i = 0; i < 3; i++) {
            writer.emit(i, 0);
            assertEquals(i, gate.next(SERIALIZER));
        }
        writer.close();
    }

    @Test
    void interruptEndsAnEmitBlockedByBackpressure() throws Exception {
        NetworkEnvironment environment = start(config(128, CREDITS, 2, Duration.ofSeconds(10)));
        ResultPartition partition = environment.createResultPartition(new ResultPartitionId("nobody-reads"), 1);
        RecordWriter writer = partition.createRecordWriter(SERIALIZER, null);
        CompletableFuture<Void> result = new CompletableFuture<>();
        Thread producer = startThread(
                "blocked-producer",
                () -> {
                    for (long i = 0; ; i++) {
                        writer.emit(i, 0);
                    }
                },
                result);

        waitUntilWaiting(producer);
        producer.interrupt();
        ExecutionException e =
                assertThrows(ExecutionException.class, () -> result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        assertInstanceOf(InterruptedException.class, e.getCause());
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {true, false})
    void recordsLargerThanABufferTravelInABufferOfTheirOwn(boolean remote) throws Exception {
        NetworkEnvironment producerEnvironment = start(smallBuffers());
        NetworkEnvironment consumerEnvironment = remote ? start(smallBuffers()) : producerEnvironment;
        ResultPartitionId id = new ResultPartitionId("big");
        ResultPartition partition = producerEnvironment.createResultPartition(id, 1);
        InputGate gate = consumerEnvironment.createInputGate(List.of(channel(producerEnvironment, id, 0)));
        toClose.add(gate);

        List<Object> sent =
                List.of("small", "x".repeat(5000), 1L, new byte[100_000], "y".repeat(1019), "z".repeat(1020), 2L);
        RecordWriter writer = partition.createRecordWriter(SERIALIZER, null);
        for (Object record : sent) {
            writer.emit(record, 0);
        }
        writer.close();
        List<Object> received = drain(gate);
        assertEquals(sent.size(), received.size());
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i) instanceof byte[] bytes) {
                assertEquals(bytes.length, ((byte[]) received.get(i)).length);
            } else {
                assertEquals(sent.get(i), received.get(i));
            }
        }
    }

    @Test
    void broadcastReachesEverySubpartition() throws Exception {
        NetworkEnvironment environment = start(smallBuffers());
        ResultPartitionId id = new ResultPartitionId("broadcast");
        ResultPartition partition = environment.createResultPartition(id, 3);
        RecordWriter writer = partition.createRecordWriter(SERIALIZER, null);
        writer.broadcast("to all");
        writer.close();
        assertEquals(1, writer.getRecordsWritten());
        for (int subpartition = 0; subpartition < 3; subpartition++) {
            InputGate gate = environment.createInputGate(List.of(channel(environment, id, subpartition)));
            toClose.add(gate);
            assertEquals(List.of("to all"), drain(gate));
        }
    }

    @Test
    void failedSerializationLeavesTheBufferIntact() throws Exception {
        NetworkEnvironment environment = start(smallBuffers());
        ResultPartitionId id = new ResultPartitionId("bad-record");
        ResultPartition partition = environment.createResultPartition(id, 1);
        RecordWriter writer = partition.createRecordWriter(SERIALIZER, null);
        writer.emit(1L, 0);
        assertThrows(IllegalArgumentException.class, () -> writer.emit(new Unsendable(), 0));
        writer.emit(2L, 0);
        writer.close();
        InputGate gate = environment.createInputGate(List.of(channel(environment, id, 0)));
        toClose.add(gate);
        assertEquals(List.of(1L, 2L), drain(gate));
    }

    /** Waits (with the usual deadline) until the writer's count has not moved for {@code quietPeriod}. */
    private static long awaitStableCount(RecordWriter writer, Duration quietPeriod) {
        long[] last = {writer.getRecordsWritten()};
        long[] since = {System.nanoTime()};
        waitUntil(
                () -> {
                    long now = writer.getRecordsWritten();
                    if (now != last[0]) {
                        last[0] = now;
                        since[0] = System.nanoTime();
                    }
                    return System.nanoTime() - since[0] >= quietPeriod.toNanos();
                },
                () -> "the producer stops writing");
        return last[0];
    }

    private NetworkEnvironment start(NetworkConfig config) {
        NetworkEnvironment environment = NetworkEnvironment.start(config);
        toClose.add(environment);
        return environment;
    }

    private Thread startThread(String name, ThrowingRunnable body, CompletableFuture<?> result) {
        Thread thread = new Thread(
                () -> {
                    try {
                        body.run();
                    } catch (Throwable t) {
                        result.completeExceptionally(t);
                    }
                },
                name);
        threads.add(thread);
        thread.start();
        return thread;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A record no serializer can send: neither Java serialization nor Kryo can write a live thread. */
    private static final class Unsendable {
        @SuppressWarnings("unused")
        private final Thread owner = Thread.currentThread();
    }
}
