package io.floe.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.api.functions.source.SourceFunction;
import io.floe.api.tuple.Tuple2;
import io.floe.api.watermark.Watermark;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedEventSourceTest {

    @Test
    void emitsEventsRoundRobinOverKeys() {
        List<Tuple2<Long, Long>> out = run(new KeyedSumGenerator.KeyedEventSource(5, 2));
        assertEquals(
                List.of(Tuple2.of(0L, 1L), Tuple2.of(1L, 1L), Tuple2.of(0L, 1L), Tuple2.of(1L, 1L), Tuple2.of(0L, 1L)),
                out);
    }

    @Test
    void stopsWhenCancelled() {
        KeyedSumGenerator.KeyedEventSource source = new KeyedSumGenerator.KeyedEventSource(1_000_000, 3);
        List<Tuple2<Long, Long>> out = new ArrayList<>();
        source.run(new ListContext<>(out) {
            @Override
            public void collect(Tuple2<Long, Long> element) {
                super.collect(element);
                if (out.size() == 10) {
                    source.cancel();
                }
            }
        });
        assertEquals(10, out.size());
    }

    private static <T> List<T> run(SourceFunction<T> source) {
        List<T> out = new ArrayList<>();
        try {
            source.run(new ListContext<>(out));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return out;
    }

    /** Collects into a list; the test's thread is the only one. */
    private static class ListContext<T> implements SourceFunction.SourceContext<T> {
        private final List<T> out;

        ListContext(List<T> out) {
            this.out = out;
        }

        @Override
        public void collect(T element) {
            out.add(element);
        }

        @Override
        public void collectWithTimestamp(T element, long timestamp) {
            out.add(element);
        }

        @Override
        public void emitWatermark(Watermark mark) {}

        @Override
        public void markAsTemporarilyIdle() {}

        @Override
        public Object getCheckpointLock() {
            return this;
        }
    }
}
