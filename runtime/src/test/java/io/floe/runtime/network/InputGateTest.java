package io.floe.runtime.network;

import static io.floe.runtime.network.NetworkTestHarness.SERIALIZER;
import static io.floe.runtime.network.NetworkTestHarness.TIMEOUT;
import static io.floe.runtime.network.NetworkTestHarness.channel;
import static io.floe.runtime.network.NetworkTestHarness.drain;
import static io.floe.runtime.network.NetworkTestHarness.smallBuffers;
import static io.floe.runtime.network.NetworkTestHarness.waitUntil;
import static io.floe.runtime.network.NetworkTestHarness.waitUntilWaiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.runtime.types.ResultPartitionId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class InputGateTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {true, false})
    void producerFailureReachesTheConsumerWithCauseClassAndMessage(boolean remote) throws Exception {
        NetworkEnvironment producerEnvironment = start();
        NetworkEnvironment consumerEnvironment = remote ? start() : producerEnvironment;
        ResultPartitionId id = new ResultPartitionId("doomed");
        ResultPartition partition = producerEnvironment.createResultPartition(id, 1);
        InputGate gate = consumerEnvironment.createInputGate(List.of(channel(producerEnvironment, id, 0)));
        toClose.add(gate);
        RecordWriter writer = partition.createRecordWriter(SERIALIZER, null);
        for (long i = 0; i < 300; i++) { // a few buffers, less than the subpartition queues
            writer.emit(i, 0);
        }

        partition.fail(new IllegalStateException("user function exploded"));

        IOException e = assertTimeoutPreemptively(
                TIMEOUT,
                () -> assertThrows(IOException.class, () -> {
                    while (true) {
                        gate.next(SERIALIZER); // records sent before the failure may still arrive
                    }
                }));
        assertTrue(e.getMessage().contains("java.lang.IllegalStateException"), e.getMessage());
        assertTrue(e.getMessage().contains("user function exploded"), e.getMessage());
        assertTrue(e.getMessage().contains("doomed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> writer.emit(1L, 0), "writing to a failed partition");
        writer.close();
    }

    @Test
    void interruptEndsANextBlockedOnAnEmptyChannel() throws Exception {
        NetworkEnvironment environment = start();
        ResultPartitionId id = new ResultPartitionId("silent");
        environment.createResultPartition(id, 1);
        InputGate gate = environment.createInputGate(List.of(channel(environment, id, 0)));
        toClose.add(gate);
        CompletableFuture<Object> result = new CompletableFuture<>();
        Thread consumer = new Thread(
                () -> {
                    try {
                        result.complete(gate.next(SERIALIZER));
                    } catch (Throwable t) {
                        result.completeExceptionally(t);
                    }
                },
                "blocked-consumer");
        consumer.start();

        waitUntilWaiting(consumer);
        consumer.interrupt();
        ExecutionException e =
                assertThrows(ExecutionException.class, () -> result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        assertInstanceOf(InterruptedException.class, e.getCause());
    }

    @Test
    void brokenConnectionFailsRemoteChannels() throws Exception {
        NetworkEnvironment producerEnvironment = NetworkEnvironment.start(smallBuffers());
        NetworkEnvironment consumerEnvironment = start();
        ResultPartitionId id = new ResultPartitionId("cut-off");
        ResultPartition partition = producerEnvironment.createResultPartition(id, 1);
        InputGate gate = consumerEnvironment.createInputGate(List.of(channel(producerEnvironment, id, 0)));
        toClose.add(gate);
        RecordWriter writer = partition.createRecordWriter(SERIALIZER, null);
        writer.emit(1L, 0);
        writer.flushAll();
        assertEquals(1L, gate.next(SERIALIZER));

        producerEnvironment.close();

        IOException e =
                assertTimeoutPreemptively(TIMEOUT, () -> assertThrows(IOException.class, () -> gate.next(SERIALIZER)));
        assertTrue(e.getMessage().contains(String.valueOf(producerEnvironment.getDataPort())), e.getMessage());
    }

    @Test
    void connectionClosedByThePeerFailsRemoteChannels() throws Exception {
        NetworkEnvironment consumerEnvironment = start();
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getByName(NetworkTestHarness.HOST))) {
            InputGate gate = consumerEnvironment.createInputGate(List.of(new InputChannelDescriptor(
                    new ResultPartitionId("unreachable"), 0, NetworkTestHarness.HOST, peer.getLocalPort())));
            toClose.add(gate);
            peer.accept().close();

            IOException e = assertTimeoutPreemptively(
                    TIMEOUT, () -> assertThrows(IOException.class, () -> gate.next(SERIALIZER)));
            // the peer's close arrives either before the partition request is written or while it is
            assertTrue(
                    e.getMessage().contains("was closed") || e.getMessage().contains("Cannot send the request"),
                    e.getMessage());
            assertTrue(e.getMessage().contains(String.valueOf(peer.getLocalPort())), e.getMessage());
        }
    }

    @Test
    void closingTheGateCancelsRemoteRequestsAndFreesTheSubpartitionReader() throws Exception {
        NetworkEnvironment producerEnvironment = start();
        NetworkEnvironment consumerEnvironment = start();
        ResultPartitionId id = new ResultPartitionId("abandoned");
        ResultPartition partition = producerEnvironment.createResultPartition(id, 1);
        InputGate gate = consumerEnvironment.createInputGate(List.of(channel(producerEnvironment, id, 0)));
        RecordWriter writer = partition.createRecordWriter(SERIALIZER, null);
        for (long i = 0; i < 500; i++) {
            writer.emit(i, 0);
        }
        assertEquals(0L, gate.next(SERIALIZER));

        gate.close();
        gate.close();
        assertThrows(IllegalStateException.class, () -> gate.next(SERIALIZER));
        long sentAtClose = producerEnvironment.getMetrics().getRemoteBuffersSent();
        // the server drops the reader, so buffers written later stay queued instead of being sent
        writer.emit(1L, 0);
        writer.flushAll();
        waitUntil(() -> partition.getNumberOfQueuedBuffers(0) > 0, () -> "the flushed buffer stays queued");
        assertTrue(producerEnvironment.getMetrics().getRemoteBuffersSent() <= sentAtClose + 2);
        writer.close();
        producerEnvironment.releasePartition(id);
    }

    @Test
    void mergesChannelsAndReportsWhereEachRecordCameFrom() throws Exception {
        NetworkEnvironment environment = start();
        NetworkEnvironment other = start();
        ResultPartitionId localId = new ResultPartitionId("here");
        ResultPartitionId remoteId = new ResultPartitionId("there");
        RecordWriter local = environment.createResultPartition(localId, 1).createRecordWriter(SERIALIZER, null);
        RecordWriter remote = other.createResultPartition(remoteId, 1).createRecordWriter(SERIALIZER, null);
        InputGate gate =
                environment.createInputGate(List.of(channel(environment, localId, 0), channel(other, remoteId, 0)));
        toClose.add(gate);
        assertEquals(2, gate.getNumberOfChannels());
        assertEquals(-1, gate.getLastChannelIndex());
        local.emit("local", 0);
        remote.emit("remote", 0);
        local.close();
        remote.close();

        Set<String> seen = new HashSet<>();
        Object record;
        while ((record = gate.next(SERIALIZER)) != null) {
            seen.add(record + "@" + gate.getLastChannelIndex());
        }
        assertEquals(Set.of("local@0", "remote@1"), seen);
        assertNull(gate.next(SERIALIZER), "stays at the end");
    }

    @Test
    void gateWithoutChannelsIsAtTheEndRightAway() throws Exception {
        InputGate gate = start().createInputGate(List.of());
        toClose.add(gate);
        assertEquals(List.of(), drain(gate));
    }

    private NetworkEnvironment start() {
        NetworkEnvironment environment = NetworkEnvironment.start(smallBuffers());
        toClose.add(environment);
        return environment;
    }
}
