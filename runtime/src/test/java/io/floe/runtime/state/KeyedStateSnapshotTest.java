package io.floe.runtime.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.api.state.MapState;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.state.StateTtlConfig;
import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyedStateSnapshotTest {
    private static final int MAX_PARALLELISM = 128;
    private static final int KEYS = 1_000;

    private final AtomicLong clock = new AtomicLong(5_000_000);

    private HeapKeyedStateBackend<String> backend(int parallelism, int index) {
        return new HeapKeyedStateBackend<>(
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, parallelism, index),
                MAX_PARALLELISM,
                clock::get,
                HeapKeyedStateBackendTest.serializer());
    }

    private static ValueStateDescriptor<Long> count() {
        return new ValueStateDescriptor<>("count", Long.class);
    }

    private static ListStateDescriptor<String> seen() {
        return new ListStateDescriptor<>("seen", String.class);
    }

    private static MapStateDescriptor<String, Integer> lengths() {
        return new MapStateDescriptor<>("lengths", String.class, Integer.class);
    }

    private HeapKeyedStateBackend<String> filled() throws Exception {
        HeapKeyedStateBackend<String> backend = backend(1, 0);
        ValueState<Long> count = backend.getOrCreateState(count());
        ListState<String> seen = backend.getOrCreateState(seen());
        MapState<String, Integer> lengths = backend.getOrCreateState(lengths());
        for (int i = 0; i < KEYS; i++) {
            String key = "key-" + i;
            backend.setCurrentKey(key);
            count.update((long) i);
            seen.add("a" + i);
            seen.add("b" + i);
            lengths.put(key, key.length());
        }
        return backend;
    }

    private static byte[] write(KeyedStateSnapshot snapshot) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            snapshot.writeTo(bytes);
        } finally {
            snapshot.release();
        }
        return bytes.toByteArray();
    }

    @Test
    void aSnapshotRestoredAtAnotherParallelismGivesEachKeyToTheSubtaskOwningItsGroup() throws Exception {
        byte[] snapshot = write(filled().snapshot());
        int restoredKeys = 0;
        for (int index = 0; index < 3; index++) {
            HeapKeyedStateBackend<String> restored = backend(3, index);
            restored.restore(new ByteArrayInputStream(snapshot));
            ValueState<Long> count = restored.getOrCreateState(count());
            ListState<String> seen = restored.getOrCreateState(seen());
            MapState<String, Integer> lengths = restored.getOrCreateState(lengths());
            for (int i = 0; i < KEYS; i++) {
                String key = "key-" + i;
                restored.setCurrentKey(key);
                boolean owned = restored.getKeyGroupRange()
                        .contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM));
                if (owned) {
                    restoredKeys++;
                    assertEquals((long) i, count.value());
                    assertEquals(List.of("a" + i, "b" + i), list(seen.get()));
                    assertEquals(Map.of(key, key.length()), map(lengths.entries()));
                } else {
                    assertNull(count.value(), key + " belongs to another subtask");
                    assertTrue(lengths.isEmpty());
                }
            }
            assertTrue(restored.numberOfKeys("count") > KEYS / 5, "each third gets a fair share");
        }
        assertEquals(KEYS, restoredKeys, "every key restored exactly once");
    }

    @Test
    void whatChangesAfterTheFreezeIsNotInTheSnapshot() throws Exception {
        HeapKeyedStateBackend<String> backend = filled();
        ValueStateDescriptor<long[]> arrayDescriptor = new ValueStateDescriptor<>("array", long[].class);
        ValueState<long[]> array = backend.getOrCreateState(arrayDescriptor);
        backend.setCurrentKey("key-7");
        array.update(new long[] {1, 2, 3});

        KeyedStateSnapshot snapshot = backend.snapshot();
        ValueState<Long> count = backend.getOrCreateState(count());
        ListState<String> seen = backend.getOrCreateState(seen());
        MapState<String, Integer> lengths = backend.getOrCreateState(lengths());
        backend.setCurrentKey("key-7");
        count.update(-1L);
        seen.add("after");
        lengths.put("after", 0);
        lengths.remove("key-7");
        array.value()[0] = 99; // a change in place, without update()
        backend.setCurrentKey("new-key");
        count.update(1L);
        byte[] bytes = write(snapshot);

        HeapKeyedStateBackend<String> restored = backend(1, 0);
        restored.restore(new ByteArrayInputStream(bytes));
        restored.setCurrentKey("key-7");
        assertEquals(7L, restored.getOrCreateState(count()).value());
        assertEquals(List.of("a7", "b7"), list(restored.getOrCreateState(seen()).get()));
        assertEquals(
                Map.of("key-7", 5), map(restored.getOrCreateState(lengths()).entries()));
        assertArrayEquals(
                new long[] {1, 2, 3}, restored.getOrCreateState(arrayDescriptor).value());
        restored.setCurrentKey("new-key");
        assertNull(restored.getOrCreateState(count()).value());

        backend.setCurrentKey("key-7");
        assertEquals(List.of("a7", "b7", "after"), list(seen.get()), "the live state has its changes");
        assertEquals(99, array.value()[0]);
    }

    @Test
    void aLongCountChangedDuringAndAfterASnapshotKeepsEveryValueWhereItBelongs() throws Exception {
        HeapKeyedStateBackend<String> backend = filled();
        ValueState<Long> count = backend.getOrCreateState(count());
        KeyedStateSnapshot first = backend.snapshot();
        backend.setCurrentKey("key-3");
        count.update(count.value() + 10); // while the snapshot is written
        byte[] firstBytes = write(first);
        count.update(count.value() + 10); // after it
        backend.setCurrentKey("key-4");
        count.update(count.value() + 1);
        byte[] secondBytes = write(backend.snapshot());

        backend.setCurrentKey("key-3");
        assertEquals(23L, count.value());
        assertEquals(3L, restoredCount(firstBytes, "key-3"));
        assertEquals(23L, restoredCount(secondBytes, "key-3"));
        assertEquals(5L, restoredCount(secondBytes, "key-4"));

        HeapKeyedStateBackend<String> restored = backend(1, 0);
        restored.restore(new ByteArrayInputStream(secondBytes));
        ValueState<Long> restoredCount = restored.getOrCreateState(count());
        restored.setCurrentKey("key-3");
        restoredCount.update(restoredCount.value() + 1);
        assertEquals(24L, restoredCount.value(), "a restored count goes on counting");
    }

    /**
     * Long keys with a Long count live in the primitive table: a snapshot taken while counts and
     * keys change holds the frozen values, restores at another parallelism into the subtask of
     * each key's group, and the restored counts go on counting.
     */
    @Test
    void longKeyedCountsSnapshotWhileTheyChangeAndRestoreAtAnotherParallelism() throws Exception {
        HeapKeyedStateBackend<Long> backend = new HeapKeyedStateBackend<>(
                new KeyGroupRange(0, MAX_PARALLELISM - 1),
                MAX_PARALLELISM,
                clock::get,
                HeapKeyedStateBackendTest.serializer());
        ValueState<Long> count = backend.getOrCreateState(count());
        for (long key = -KEYS; key < KEYS; key++) {
            backend.setCurrentKey(key);
            count.update(key * 3);
        }
        KeyedStateSnapshot snapshot = backend.snapshot();
        for (long key = -KEYS; key < KEYS; key += 2) { // while it is written: changes, removals, new keys
            backend.setCurrentKey(key);
            count.update(-1L);
            backend.setCurrentKey(key + 1);
            count.clear();
            backend.setCurrentKey(key + 10 * KEYS);
            count.update(7L);
        }
        byte[] bytes = write(snapshot);

        Map<Long, Long> restored = new HashMap<>();
        for (int index = 0; index < 2; index++) {
            KeyGroupRange range =
                    KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, 2, index);
            HeapKeyedStateBackend<Long> subtask = new HeapKeyedStateBackend<>(
                    range, MAX_PARALLELISM, clock::get, HeapKeyedStateBackendTest.serializer());
            subtask.restore(new ByteArrayInputStream(bytes));
            ValueState<Long> restoredCount = subtask.getOrCreateState(count());
            subtask.forEachKey("count", key -> {
                assertTrue(range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM)));
                restored.put(key, restoredCount.value());
                restoredCount.update(restoredCount.value() + 1);
                assertEquals(key * 3 + 1, restoredCount.value(), "a restored count goes on counting");
            });
        }
        assertEquals(2 * KEYS, restored.size());
        for (long key = -KEYS; key < KEYS; key++) {
            assertEquals(key * 3, restored.get(key), "key " + key);
        }
    }

    @Test
    void integerAndDoubleValuesChangedWhileASnapshotIsWrittenRestoreAsFrozen() throws Exception {
        HeapKeyedStateBackend<String> backend = backend(1, 0);
        ValueState<Integer> small = backend.getOrCreateState(new ValueStateDescriptor<>("small", Integer.class));
        ValueState<Double> ratio = backend.getOrCreateState(new ValueStateDescriptor<>("ratio", Double.class));
        backend.setCurrentKey("k");
        small.update(-7);
        ratio.update(0.25);
        KeyedStateSnapshot snapshot = backend.snapshot();
        small.update(small.value() * 2);
        ratio.update(ratio.value() * 2);
        byte[] bytes = write(snapshot);
        assertEquals(-14, small.value());
        assertEquals(0.5, ratio.value());

        HeapKeyedStateBackend<String> restored = backend(1, 0);
        restored.restore(new ByteArrayInputStream(bytes));
        restored.setCurrentKey("k");
        assertEquals(
                -7,
                restored.getOrCreateState(new ValueStateDescriptor<>("small", Integer.class))
                        .value());
        assertEquals(
                0.25,
                restored.getOrCreateState(new ValueStateDescriptor<>("ratio", Double.class))
                        .value());
    }

    private long restoredCount(byte[] snapshot, String key) throws IOException {
        HeapKeyedStateBackend<String> restored = backend(1, 0);
        restored.restore(new ByteArrayInputStream(snapshot));
        restored.setCurrentKey(key);
        return restored.getOrCreateState(count()).value();
    }

    @Test
    void aSnapshotWrittenOnAnotherThreadWhileTheTaskChangesItsStateIsTheFrozenOne() throws Exception {
        HeapKeyedStateBackend<String> backend = filled();
        ValueState<Long> count = backend.getOrCreateState(count());
        ListState<String> seen = backend.getOrCreateState(seen());
        MapState<String, Integer> lengths = backend.getOrCreateState(lengths());
        KeyedStateSnapshot snapshot = backend.snapshot();
        CompletableFuture<byte[]> written = CompletableFuture.supplyAsync(() -> {
            try {
                return write(snapshot);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        for (int round = 0; !written.isDone() || round < 3; round++) {
            for (int i = 0; i < KEYS; i++) {
                backend.setCurrentKey("key-" + i);
                count.update(count.value() + 1_000_000);
                seen.add("r" + round);
                lengths.put("r" + round, round);
            }
        }
        HeapKeyedStateBackend<String> restored = backend(1, 0);
        restored.restore(new ByteArrayInputStream(written.get()));
        for (int i = 0; i < KEYS; i++) {
            restored.setCurrentKey("key-" + i);
            assertEquals((long) i, restored.getOrCreateState(count()).value());
            assertEquals(
                    List.of("a" + i, "b" + i),
                    list(restored.getOrCreateState(seen()).get()));
            assertEquals(1, map(restored.getOrCreateState(lengths()).entries()).size());
        }
    }

    @Test
    void expiredValuesAreLeftOutOfAFullSnapshotWhenAsked() throws Exception {
        HeapKeyedStateBackend<String> backend = backend(1, 0);
        ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("v", String.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofSeconds(10))
                .cleanupFullSnapshot()
                .disableCleanupInBackground()
                .build());
        ValueState<String> value = backend.getOrCreateState(descriptor);
        backend.setCurrentKey("old");
        value.update("x");
        clock.addAndGet(8_000);
        backend.setCurrentKey("young");
        value.update("y");
        clock.addAndGet(3_000);
        byte[] bytes = write(backend.snapshot());

        HeapKeyedStateBackend<String> restored = backend(1, 0);
        restored.restore(new ByteArrayInputStream(bytes));
        ValueState<String> restoredValue = restored.getOrCreateState(descriptor);
        assertEquals(1, restored.numberOfKeys("v"), "only the value that had not expired");
        restored.setCurrentKey("young");
        assertEquals("y", restoredValue.value());
        clock.addAndGet(8_000);
        assertNull(restoredValue.value(), "the restored value kept its time of last write");
    }

    @Test
    void aStateNobodyAsksForAgainIsKeptInTheNextSnapshot() throws Exception {
        byte[] first = write(filled().snapshot());
        HeapKeyedStateBackend<String> middle = backend(1, 0);
        middle.restore(new ByteArrayInputStream(first));
        middle.getOrCreateState(count()); // the new job uses only one of the three states
        byte[] second = write(middle.snapshot());

        HeapKeyedStateBackend<String> last = backend(1, 0);
        last.restore(new ByteArrayInputStream(second));
        last.setCurrentKey("key-3");
        assertEquals(List.of("a3", "b3"), list(last.getOrCreateState(seen()).get()));
    }

    @Test
    void stateWithoutTimeToLiveRestoresIntoADescriptorWithIt() throws Exception {
        byte[] bytes = write(filled().snapshot());
        HeapKeyedStateBackend<String> restored = backend(1, 0);
        restored.restore(new ByteArrayInputStream(bytes));
        ValueStateDescriptor<Long> withTtl = count();
        withTtl.enableTimeToLive(
                StateTtlConfig.newBuilder(Duration.ofSeconds(1)).build());
        ValueState<Long> count = restored.getOrCreateState(withTtl);
        restored.setCurrentKey("key-9");
        assertEquals(9L, count.value(), "stamped with the time of the restore");
        clock.addAndGet(1_000);
        assertNull(count.value());
    }

    @Test
    void anotherKindOfStateUnderARestoredNameIsRefusedNamingIt() throws Exception {
        byte[] bytes = write(filled().snapshot());
        HeapKeyedStateBackend<String> restored = backend(1, 0);
        restored.restore(new ByteArrayInputStream(bytes));
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> restored.getOrCreateState(new ValueStateDescriptor<>("seen", String.class)));
        assertEquals(
                "State 'seen' was restored as LIST state, but the job now asks for ValueState<java.lang.String>"
                        + " 'seen': keep the kind of a state, or give the new one another name.",
                e.getMessage());
    }

    @Test
    void anotherMaxParallelismIsRefused() throws Exception {
        byte[] bytes = write(filled().snapshot());
        HeapKeyedStateBackend<String> other = new HeapKeyedStateBackend<>(
                new KeyGroupRange(0, 255), 256, clock::get, HeapKeyedStateBackendTest.serializer());
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> other.restore(new ByteArrayInputStream(bytes)));
        assertTrue(
                e.getMessage().contains("max parallelism 128, but the operator now has max parallelism 256"),
                e.getMessage());
    }

    @Test
    void bytesThatAreNoSnapshotAreRefused() {
        HeapKeyedStateBackend<String> restored = backend(1, 0);
        IOException e = assertThrows(
                IOException.class,
                () -> restored.restore(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
        assertEquals("Not a Floe keyed-state snapshot (wrong magic number)", e.getMessage());
    }

    private static <T> List<T> list(Iterable<T> iterable) {
        List<T> all = new ArrayList<>();
        iterable.forEach(all::add);
        return all;
    }

    private static <K, V> Map<K, V> map(Iterable<Map.Entry<K, V>> entries) {
        Map<K, V> all = new HashMap<>();
        entries.forEach(e -> all.put(e.getKey(), e.getValue()));
        return all;
    }
}
