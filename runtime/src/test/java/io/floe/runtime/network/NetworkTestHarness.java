package io.floe.runtime.network;

import static org.junit.jupiter.api.Assertions.fail;

import io.floe.runtime.network.serialization.RecordSerializer;
import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import io.floe.runtime.types.ResultPartitionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Environments on 127.0.0.1 with small buffers, and the waiting and counting the tests share. */
final class NetworkTestHarness {

    static final String HOST = "127.0.0.1";
    static final RecordSerializer SERIALIZER = new TaggedRecordSerializer(NetworkTestHarness.class.getClassLoader());
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_INTERVAL_NANOS = 1_000_000;

    private NetworkTestHarness() {}

    static NetworkConfig config(int bufferSize, int credits, int maxBuffers, Duration maxBackoff) {
        return new NetworkConfig(HOST, HOST, 0, bufferSize, credits, maxBuffers, maxBackoff);
    }

    static NetworkConfig smallBuffers() {
        return config(1024, 2, 10, Duration.ofSeconds(10));
    }

    static InputChannelDescriptor channel(NetworkEnvironment producer, ResultPartitionId id, int subpartition) {
        return new InputChannelDescriptor(id, subpartition, producer.getDataHost(), producer.getDataPort());
    }

    static List<Object> drain(InputGate gate) throws Exception {
        List<Object> records = new ArrayList<>();
        Object record;
        while ((record = gate.next(SERIALIZER)) != null) {
            records.add(record);
        }
        return records;
    }

    static Map<Object, Integer> multiset(Collection<?> records) {
        Map<Object, Integer> counts = new HashMap<>();
        for (Object record : records) {
            counts.merge(record, 1, Integer::sum);
        }
        return counts;
    }

    static void waitUntil(BooleanSupplier condition, Supplier<String> description) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting until " + description.get());
            }
            LockSupport.parkNanos(POLL_INTERVAL_NANOS);
        }
    }

    static void waitUntilWaiting(Thread thread) {
        waitUntil(
                () -> thread.getState() == Thread.State.WAITING,
                () -> thread.getName() + " blocks, is " + thread.getState());
    }
}
