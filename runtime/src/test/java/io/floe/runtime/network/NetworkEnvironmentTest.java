package io.floe.runtime.network;

import static io.floe.runtime.network.NetworkTestHarness.SERIALIZER;
import static io.floe.runtime.network.NetworkTestHarness.TIMEOUT;
import static io.floe.runtime.network.NetworkTestHarness.channel;
import static io.floe.runtime.network.NetworkTestHarness.config;
import static io.floe.runtime.network.NetworkTestHarness.drain;
import static io.floe.runtime.network.NetworkTestHarness.multiset;
import static io.floe.runtime.network.NetworkTestHarness.smallBuffers;
import static io.floe.runtime.network.NetworkTestHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.tuple.Tuple2;
import io.floe.runtime.types.ResultPartitionId;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class NetworkEnvironmentTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() throws Exception {
        threads.shutdownNow();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void deliversEveryRecordExactlyOnceInAllToAllShuffleAcrossTwoEnvironments() throws Exception {
        NetworkEnvironment[] environments = {start(smallBuffers()), start(smallBuffers())};
        ResultPartitionId[] partitions = {new ResultPartitionId("map-0"), new ResultPartitionId("map-1")};
        int recordsPerProducer = 30_000;

        // consumers first: they must find partitions registered later by the producers
        List<Future<List<Object>>> consumers = new ArrayList<>();
        for (int consumer = 0; consumer < 2; consumer++) {
            InputGate gate = environments[consumer].createInputGate(List.of(
                    channel(environments[0], partitions[0], consumer),
                    channel(environments[1], partitions[1], consumer)));
            toClose.add(gate);
            consumers.add(threads.submit(() -> drain(gate)));
        }
        List<List<List<Object>>> sent = new ArrayList<>(); // [producer][subpartition] -> records
        List<Future<?>> producers = new ArrayList<>();
        for (int producer = 0; producer < 2; producer++) {
            List<List<Object>> bySubpartition = List.of(new ArrayList<>(), new ArrayList<>());
            sent.add(bySubpartition);
            ResultPartition partition = environments[producer].createResultPartition(partitions[producer], 2);
            int id = producer;
            producers.add(threads.submit(() -> {
                RecordWriter writer = partition.createRecordWriter(SERIALIZER, null);
                for (int i = 0; i < recordsPerProducer; i++) {
                    Object record = record(id, i);
                    int target = Math.floorMod(record.hashCode(), 2);
                    bySubpartition.get(target).add(record);
                    writer.emit(record, target);
                }
                writer.close();
                return null;
            }));
        }
        for (Future<?> producer : producers) {
            producer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        for (int consumer = 0; consumer < 2; consumer++) {
            List<Object> expected = new ArrayList<>(sent.get(0).get(consumer));
            expected.addAll(sent.get(1).get(consumer));
            List<Object> received = consumers.get(consumer).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(expected.size(), received.size(), "records at consumer " + consumer);
            assertEquals(multiset(expected), multiset(received), "records at consumer " + consumer);
        }
        // producer 0 -> consumer 1 crossed into environment 1, producer 1 -> consumer 0 into environment 0
        assertEquals(sent.get(1).get(0).size(), environments[0].getMetrics().getRemoteRecordsReceived());
        assertEquals(sent.get(0).get(1).size(), environments[1].getMetrics().getRemoteRecordsReceived());
        for (NetworkEnvironment environment : environments) {
            NetworkMetrics metrics = environment.getMetrics();
            assertTrue(metrics.getRemoteRecordsReceived() > 0, metrics::toString);
            assertTrue(metrics.getRemoteBuffersReceived() > 10, metrics::toString);
            assertTrue(metrics.getRemoteBytesReceived() > 10_000, metrics::toString);
            assertEquals(1, environment.getNumberOfClientConnections(), "one shared connection per peer");
        }
        assertEquals(
                environments[0].getMetrics().getRemoteBytesSent(),
                environments[1].getMetrics().getRemoteBytesReceived());
        assertEquals(
                environments[1].getMetrics().getRemoteBuffersSent(),
                environments[0].getMetrics().getRemoteBuffersReceived());
    }

    @Test
    void readsLocalChannelsWithoutTheNetwork() throws Exception {
        NetworkEnvironment environment = start(smallBuffers());
        ResultPartitionId id = new ResultPartitionId("local");
        ResultPartition partition = environment.createResultPartition(id, 2);
        InputGate gate = environment.createInputGate(List.of(channel(environment, id, 0), channel(environment, id, 1)));
        toClose.add(gate);
        Future<List<Object>> consumer = threads.submit(() -> drain(gate));

        List<Object> sent = new ArrayList<>();
        RecordWriter writer = partition.createRecordWriter(SERIALIZER, null);
        for (int i = 0; i < 20_000; i++) {
            Object record = record(0, i);
            sent.add(record);
            writer.emit(record, i % 2);
        }
        writer.close();

        assertEquals(multiset(sent), multiset(consumer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)));
        NetworkMetrics metrics = environment.getMetrics();
        assertEquals(
                0,
                metrics.getRemoteBuffersReceived()
                        + metrics.getRemoteBytesReceived()
                        + metrics.getRemoteRecordsReceived()
                        + metrics.getRemoteBuffersSent()
                        + metrics.getRemoteBytesSent());
        assertEquals(0, environment.getNumberOfClientConnections());
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {true, false})
    void retriesPartitionRequestUntilTheProducerRegisters(boolean remote) throws Exception {
        NetworkEnvironment producerEnvironment = start(smallBuffers());
        NetworkEnvironment consumerEnvironment = remote ? start(smallBuffers()) : producerEnvironment;
        ResultPartitionId id = new ResultPartitionId("late");
        InputGate gate = consumerEnvironment.createInputGate(List.of(channel(producerEnvironment, id, 0)));
        toClose.add(gate);
        Future<List<Object>> consumer = threads.submit(() -> drain(gate));
        InputChannel channel = gate.getChannel(0);
        waitUntil(() -> channel.backoff.getRetries() >= 2, () -> "the consumer retried its request");

        ResultPartition partition = producerEnvironment.createResultPartition(id, 1);
        RecordWriter writer = partition.createRecordWriter(SERIALIZER, null);
        for (long i = 0; i < 1000; i++) {
            writer.emit(i, 0);
        }
        writer.close();

        List<Object> received = consumer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(1000, received.size());
        assertEquals(999L, received.get(999));
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {true, false})
    void failsNamingThePartitionWhenItNeverAppears(boolean remote) throws Exception {
        Duration maxBackoff = Duration.ofMillis(300);
        NetworkEnvironment producerEnvironment = start(config(1024, 2, 10, maxBackoff));
        NetworkEnvironment consumerEnvironment = remote ? start(config(1024, 2, 10, maxBackoff)) : producerEnvironment;
        ResultPartitionId id = new ResultPartitionId("never-registered");
        long start = System.nanoTime();
        InputGate gate = consumerEnvironment.createInputGate(List.of(channel(producerEnvironment, id, 0)));
        toClose.add(gate);

        IOException e =
                assertTimeoutPreemptively(TIMEOUT, () -> assertThrows(IOException.class, () -> gate.next(SERIALIZER)));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(e.getMessage().contains("never-registered"), e.getMessage());
        assertTrue(elapsedMillis >= maxBackoff.toMillis(), "gave up after " + elapsedMillis + " ms");
        assertThrows(IOException.class, () -> gate.next(SERIALIZER), "a failed gate keeps failing");
    }

    @Test
    void rejectsDuplicatePartitionIds() {
        NetworkEnvironment environment = start(smallBuffers());
        environment.createResultPartition(new ResultPartitionId("p"), 1);
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> environment.createResultPartition(new ResultPartitionId("p"), 1));
        assertTrue(e.getMessage().contains("p"), e.getMessage());
    }

    @Test
    void releasedPartitionCanBeRegisteredAgain() {
        NetworkEnvironment environment = start(smallBuffers());
        ResultPartitionId id = new ResultPartitionId("again");
        environment.createResultPartition(id, 1);
        environment.releasePartition(id);
        environment.createResultPartition(id, 1);
    }

    /** A mix of Long, String and Tuple2 records, distinct per producer. */
    static Object record(int producer, int i) {
        switch (i % 3) {
            case 0:
                return (long) producer * 1_000_000_000L + i;
            case 1:
                return "producer-" + producer + "-record-" + i;
            default:
                return Tuple2.of("key-" + (i % 97), Tuple2.of(producer, (long) i));
        }
    }

    private NetworkEnvironment start(NetworkConfig config) {
        NetworkEnvironment environment = NetworkEnvironment.start(config);
        toClose.add(environment);
        return environment;
    }
}
