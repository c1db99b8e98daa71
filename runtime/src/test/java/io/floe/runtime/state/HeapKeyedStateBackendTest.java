package io.floe.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.functions.AggregateFunction;
import io.floe.api.state.AggregatingState;
import io.floe.api.state.AggregatingStateDescriptor;
import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.api.state.MapState;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.state.ReducingState;
import io.floe.api.state.ReducingStateDescriptor;
import io.floe.api.state.StateTtlConfig;
import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;
import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeapKeyedStateBackendTest {
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final HeapKeyedStateBackend<String> backend =
            new HeapKeyedStateBackend<>(new KeyGroupRange(0, 127), 128, clock::get, serializer());

    static TaggedRecordSerializer serializer() {
        return new TaggedRecordSerializer(HeapKeyedStateBackendTest.class.getClassLoader());
    }

    @Test
    void valueStateKeepsOneValuePerKey() throws Exception {
        ValueState<Long> count = backend.getOrCreateState(new ValueStateDescriptor<>("count", Long.class));
        for (String key : List.of("a", "b", "a", "a", "c", "b")) {
            backend.setCurrentKey(key);
            Long current = count.value();
            count.update(current == null ? 1 : current + 1);
        }
        assertEquals(Map.of("a", 3L, "b", 2L, "c", 1L), values(count, "count"));

        backend.setCurrentKey("b");
        count.clear();
        assertNull(count.value());
        backend.setCurrentKey("a");
        count.update(null);
        assertNull(count.value(), "update(null) clears");
        assertEquals(1, backend.numberOfKeys("count"));
    }

    @Test
    void theSameNameGivesTheSameStateAndAnotherTypeIsRefusedByName() {
        ValueState<Long> first = backend.getOrCreateState(new ValueStateDescriptor<>("count", Long.class));
        assertSame(first, backend.getOrCreateState(new ValueStateDescriptor<>("count", Long.class)));

        IllegalStateException otherType = assertThrows(
                IllegalStateException.class,
                () -> backend.getOrCreateState(new ValueStateDescriptor<>("count", Integer.class)));
        assertTrue(otherType.getMessage().contains("'count'"), otherType.getMessage());
        assertTrue(otherType.getMessage().contains("java.lang.Integer"), otherType.getMessage());
        IllegalStateException otherKind = assertThrows(
                IllegalStateException.class,
                () -> backend.getOrCreateState(new MapStateDescriptor<>("count", String.class, Long.class)));
        assertTrue(otherKind.getMessage().contains("MapState"), otherKind.getMessage());
    }

    @Test
    void stateNeedsACurrentKey() {
        ValueState<Long> count = backend.getOrCreateState(new ValueStateDescriptor<>("count", Long.class));
        IllegalStateException e = assertThrows(IllegalStateException.class, count::value);
        assertTrue(e.getMessage().contains("No key is set"), e.getMessage());
    }

    @Test
    void listStateAppendsReplacesAndIsEmptyWhenUnset() throws Exception {
        ListState<String> seen = backend.getOrCreateState(new ListStateDescriptor<>("seen", String.class));
        backend.setCurrentKey("k");
        assertFalse(seen.get().iterator().hasNext(), "an empty iterable, not null");
        seen.add("x");
        seen.addAll(List.of("y", "z"));
        assertEquals(List.of("x", "y", "z"), list(seen.get()));
        seen.update(List.of("only"));
        assertEquals(List.of("only"), list(seen.get()));
        seen.update(List.of());
        assertEquals(0, backend.numberOfKeys("seen"));
        assertThrows(NullPointerException.class, () -> seen.add(null));
    }

    @Test
    void mapStateKeepsAMapPerKeyAndDropsTheKeyWhenItsMapEmpties() throws Exception {
        MapState<String, Long> perWord =
                backend.getOrCreateState(new MapStateDescriptor<>("w", String.class, Long.class));
        backend.setCurrentKey("user1");
        perWord.put("floe", 2L);
        perWord.putAll(Map.of("yarn", 1L));
        backend.setCurrentKey("user2");
        assertTrue(perWord.isEmpty());
        assertNull(perWord.get("floe"));
        perWord.put("hdfs", 5L);
        backend.setCurrentKey("user1");
        assertEquals(2L, perWord.get("floe"));
        assertTrue(perWord.contains("yarn"));
        assertEquals(Map.of("floe", 2L, "yarn", 1L), toMap(perWord.entries()));
        perWord.remove("floe");
        perWord.remove("yarn");
        assertEquals(1, backend.numberOfKeys("w"), "user1's empty map is gone, user2's stays");
    }

    @Test
    void reducingAndAggregatingStateFoldEveryAdd() throws Exception {
        ReducingState<Long> sum = backend.getOrCreateState(new ReducingStateDescriptor<>("sum", Long::sum, Long.class));
        AggregatingState<Long, Double> average =
                backend.getOrCreateState(new AggregatingStateDescriptor<>("avg", new Average(), long[].class));
        backend.setCurrentKey("k");
        assertNull(sum.get());
        assertNull(average.get());
        for (long v : new long[] {2, 4, 9}) {
            sum.add(v);
            average.add(v);
        }
        assertEquals(15L, sum.get());
        assertEquals(5.0, average.get());
        backend.setCurrentKey("other");
        assertNull(sum.get(), "another key has its own");
    }

    @Test
    void expiredValuesAreNotReturnedAndGoAway() throws Exception {
        ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("v", String.class);
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(Duration.ofSeconds(10)).build());
        ValueState<String> value = backend.getOrCreateState(descriptor);
        backend.setCurrentKey("k");
        value.update("fresh");
        clock.addAndGet(9_999);
        assertEquals("fresh", value.value());
        clock.addAndGet(1);
        assertNull(value.value(), "expired exactly ttl after the write (Flink's rule)");
        assertEquals(0, backend.numberOfKeys("v"), "and removed when met");
    }

    @Test
    void readsRefreshTheTimeToLiveOnlyWhenAsked() throws Exception {
        ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("v", String.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofSeconds(10))
                .updateTtlOnReadAndWrite()
                .build());
        ValueState<String> value = backend.getOrCreateState(descriptor);
        backend.setCurrentKey("k");
        value.update("x");
        for (int i = 0; i < 5; i++) {
            clock.addAndGet(8_000);
            assertEquals("x", value.value(), "each read restarts the ttl");
        }
        clock.addAndGet(10_000);
        assertNull(value.value());
    }

    @Test
    void returnExpiredIfNotCleanedUpReturnsItOnceThenItIsGone() throws Exception {
        ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("v", String.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofSeconds(1))
                .returnExpiredIfNotCleanedUp()
                .disableCleanupInBackground()
                .build());
        ValueState<String> value = backend.getOrCreateState(descriptor);
        backend.setCurrentKey("k");
        value.update("old");
        clock.addAndGet(5_000);
        assertEquals("old", value.value());
        assertNull(value.value());
    }

    @Test
    void incrementalCleanupRemovesExpiredKeysNobodyReads() throws Exception {
        ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("v", Long.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofSeconds(1))
                .cleanupIncrementally(10, false)
                .build());
        ValueState<Long> value = backend.getOrCreateState(descriptor);
        for (long i = 0; i < 1000; i++) {
            backend.setCurrentKey("old-" + i);
            value.update(i);
        }
        clock.addAndGet(2_000);
        backend.setCurrentKey("reader");
        for (int i = 0; i < 500; i++) {
            value.value(); // each access checks 10 slots
        }
        assertEquals(0, backend.numberOfKeys("v"), "every expired key was found by the rolling scan");
    }

    @Test
    void listElementsAndMapEntriesExpireOneByOne() throws Exception {
        ListStateDescriptor<String> listDescriptor = new ListStateDescriptor<>("l", String.class);
        MapStateDescriptor<String, String> mapDescriptor = new MapStateDescriptor<>("m", String.class, String.class);
        StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofSeconds(10)).build();
        listDescriptor.enableTimeToLive(ttl);
        mapDescriptor.enableTimeToLive(ttl);
        ListState<String> list = backend.getOrCreateState(listDescriptor);
        MapState<String, String> map = backend.getOrCreateState(mapDescriptor);
        backend.setCurrentKey("k");
        list.add("early");
        map.put("early", "1");
        clock.addAndGet(6_000);
        list.add("late");
        map.put("late", "2");
        clock.addAndGet(6_000);
        assertEquals(List.of("late"), list(list.get()));
        assertEquals(Map.of("late", "2"), toMap(map.entries()));
        assertNull(map.get("early"));
        clock.addAndGet(6_000);
        assertEquals(List.of(), list(list.get()));
        assertTrue(map.isEmpty());
        assertEquals(0, backend.numberOfKeys("l"));
        assertEquals(0, backend.numberOfKeys("m"));
    }

    @Test
    void forEachKeyVisitsEveryKeyWithItAsTheCurrentKey() throws Exception {
        ValueState<Integer> length = backend.getOrCreateState(new ValueStateDescriptor<>("len", Integer.class));
        for (String key : List.of("one", "three", "eleven")) {
            backend.setCurrentKey(key);
            length.update(key.length());
        }
        Map<String, Integer> seen = new TreeMap<>();
        backend.forEachKey("len", key -> seen.put(key, length.value()));
        assertEquals(Map.of("one", 3, "three", 5, "eleven", 6), seen);
    }

    /** Long keys keep their counts in the primitive table; the first key of another type moves them all to cells. */
    @Test
    void countsOfLongKeysSurviveTheFirstKeyOfAnotherType() throws Exception {
        HeapKeyedStateBackend<Object> mixed =
                new HeapKeyedStateBackend<>(new KeyGroupRange(0, 127), 128, clock::get, serializer());
        ValueState<Long> count = mixed.getOrCreateState(new ValueStateDescriptor<>("count", Long.class));
        for (long key = 0; key < 100; key++) {
            mixed.setCurrentKey(key);
            count.update(key + 1000);
        }
        mixed.setCurrentKey(5L);
        count.clear();
        mixed.setCurrentKey("text");
        assertNull(count.value());
        count.update(1L);
        mixed.setCurrentKey(7L);
        count.update(count.value() + 1);

        Map<Object, Long> all = new HashMap<>();
        mixed.forEachKey("count", key -> all.put(key, count.value()));
        assertEquals(100, all.size(), "99 numbers and the text");
        assertEquals(1L, all.get("text"));
        assertEquals(1008L, all.get(7L));
        assertEquals(1099L, all.get(99L));
        assertNull(all.get(5L));
        assertEquals(100, mixed.numberOfKeys("count"));
    }

    private Map<String, Long> values(ValueState<Long> state, String name) throws Exception {
        Map<String, Long> all = new TreeMap<>();
        backend.forEachKey(name, key -> all.put(key, state.value()));
        return all;
    }

    private static <T> List<T> list(Iterable<T> iterable) {
        List<T> all = new ArrayList<>();
        iterable.forEach(all::add);
        return all;
    }

    private static <K, V> Map<K, V> toMap(Iterable<Map.Entry<K, V>> entries) {
        Map<K, V> all = new TreeMap<>();
        entries.forEach(e -> all.put(e.getKey(), e.getValue()));
        return all;
    }

    /** Mean of longs; the accumulator is {sum, count}. */
    private static final class Average implements AggregateFunction<Long, long[], Double> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Long value, long[] accumulator) {
            accumulator[0] += value;
            accumulator[1]++;
            return accumulator;
        }

        @Override
        public Double getResult(long[] accumulator) {
            return (double) accumulator[0] / accumulator[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }
}
