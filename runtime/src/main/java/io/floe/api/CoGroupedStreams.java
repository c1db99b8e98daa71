package io.floe.api;

import io.floe.api.functions.CoGroupFunction;
import io.floe.api.functions.KeySelector;
import io.floe.api.functions.MapFunction;
import io.floe.api.functions.windowing.WindowFunction;
import io.floe.api.windowing.assigners.WindowAssigner;
import io.floe.api.windowing.evictors.Evictor;
import io.floe.api.windowing.triggers.Trigger;
import io.floe.api.windowing.windows.Window;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two streams grouped by key and window ({@code a.coGroup(b).where(k1).equalTo(k2).window(w)
 * .apply(f)}): the function sees, per key and window, the elements of both. Built as Flink builds
 * it: each input's elements tagged with their side, the two unioned, keyed and windowed together,
 * so the window's contents and timers are keyed state like any window's.
 */
public class CoGroupedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = input1;
        this.input2 = Objects.requireNonNull(input2, "stream to co-group");
    }

    public <K> Where<K> where(KeySelector<T1, K> keySelector1) {
        return new Where<>(Objects.requireNonNull(keySelector1, "first key selector"));
    }

    /** The first input's key chosen. */
    public class Where<K> {
        private final KeySelector<T1, K> keySelector1;

        Where(KeySelector<T1, K> keySelector1) {
            this.keySelector1 = keySelector1;
        }

        public EqualTo equalTo(KeySelector<T2, K> keySelector2) {
            return new EqualTo(Objects.requireNonNull(keySelector2, "second key selector"));
        }

        /** Both keys chosen. */
        public class EqualTo {
            private final KeySelector<T2, K> keySelector2;

            EqualTo(KeySelector<T2, K> keySelector2) {
                this.keySelector2 = keySelector2;
            }

            public <W extends Window> WithWindow<T1, T2, K, W> window(
                    WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(input1, input2, keySelector1, keySelector2, assigner);
            }
        }
    }

    /** Keys and windows chosen: optionally a trigger, evictor or lateness, then the function. */
    public static class WithWindow<T1, T2, K, W extends Window> {
        private final WindowedStream<TaggedUnion<T1, T2>, K, W> windows;

        WithWindow(
                DataStream<T1> input1,
                DataStream<T2> input2,
                KeySelector<T1, K> keySelector1,
                KeySelector<T2, K> keySelector2,
                WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
            DataStream<TaggedUnion<T1, T2>> tagged1 =
                    input1.map(new TagFirst<T1, T2>()).name("Map (tag the first input)");
            DataStream<TaggedUnion<T1, T2>> tagged2 =
                    input2.map(new TagSecond<T1, T2>()).name("Map (tag the second input)");
            this.windows = tagged1.union(tagged2)
                    .keyBy(new UnionKeySelector<>(keySelector1, keySelector2))
                    .window(assigner);
        }

        public WithWindow<T1, T2, K, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
            windows.trigger(trigger);
            return this;
        }

        public WithWindow<T1, T2, K, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
            windows.evictor(evictor);
            return this;
        }

        public WithWindow<T1, T2, K, W> allowedLateness(Duration lateness) {
            windows.allowedLateness(lateness);
            return this;
        }

        public <R> SingleOutputStreamOperator<R> apply(CoGroupFunction<T1, T2, R> function) {
            return windows.apply(new CoGroupWindowFunction<>(Objects.requireNonNull(function, "co-group function")));
        }
    }

    /** An element of either input, with its side: what the co-group's window holds. */
    public static final class TaggedUnion<T1, T2> implements Serializable {
        private static final long serialVersionUID = 1L;

        private final T1 one;
        private final T2 two;

        private TaggedUnion(T1 one, T2 two) {
            this.one = one;
            this.two = two;
        }

        public static <T1, T2> TaggedUnion<T1, T2> one(T1 one) {
            return new TaggedUnion<>(one, null);
        }

        public static <T1, T2> TaggedUnion<T1, T2> two(T2 two) {
            return new TaggedUnion<>(null, two);
        }

        public boolean isOne() {
            return one != null;
        }

        public boolean isTwo() {
            return two != null;
        }

        public T1 getOne() {
            return one;
        }

        public T2 getTwo() {
            return two;
        }

        @Override
        public String toString() {
            return isOne() ? "one(" + one + ")" : "two(" + two + ")";
        }
    }

    private static final class TagFirst<T1, T2> implements MapFunction<T1, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T1 value) {
            return TaggedUnion.one(Objects.requireNonNull(value, "a co-grouped element is null"));
        }
    }

    private static final class TagSecond<T1, T2> implements MapFunction<T2, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T2 value) {
            return TaggedUnion.two(Objects.requireNonNull(value, "a co-grouped element is null"));
        }
    }

    /** Each side's key, by its own key selector. */
    private static final class UnionKeySelector<T1, T2, K> implements KeySelector<TaggedUnion<T1, T2>, K> {
        private static final long serialVersionUID = 1L;

        private final KeySelector<T1, K> keySelector1;
        private final KeySelector<T2, K> keySelector2;

        UnionKeySelector(KeySelector<T1, K> keySelector1, KeySelector<T2, K> keySelector2) {
            this.keySelector1 = keySelector1;
            this.keySelector2 = keySelector2;
        }

        @Override
        public K getKey(TaggedUnion<T1, T2> value) throws Exception {
            return value.isOne() ? keySelector1.getKey(value.getOne()) : keySelector2.getKey(value.getTwo());
        }
    }

    /** Splits a window's elements by side for the co-group function. */
    private static final class CoGroupWindowFunction<T1, T2, K, W extends Window, R>
            implements WindowFunction<TaggedUnion<T1, T2>, R, K, W> {
        private static final long serialVersionUID = 1L;

        private final CoGroupFunction<T1, T2, R> function;

        CoGroupWindowFunction(CoGroupFunction<T1, T2, R> function) {
            this.function = function;
        }

        @Override
        public void apply(K key, W window, Iterable<TaggedUnion<T1, T2>> elements, Collector<R> out) throws Exception {
            List<T1> first = new ArrayList<>();
            List<T2> second = new ArrayList<>();
            for (TaggedUnion<T1, T2> element : elements) {
                if (element.isOne()) {
                    first.add(element.getOne());
                } else {
                    second.add(element.getTwo());
                }
            }
            function.coGroup(first, second, out);
        }
    }
}
