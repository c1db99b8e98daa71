package io.floe.api;

import io.floe.api.CoGroupedStreams.TaggedUnion;
import io.floe.api.functions.CoGroupFunction;
import io.floe.api.functions.FlatJoinFunction;
import io.floe.api.functions.JoinFunction;
import io.floe.api.functions.KeySelector;
import io.floe.api.windowing.assigners.WindowAssigner;
import io.floe.api.windowing.evictors.Evictor;
import io.floe.api.windowing.triggers.Trigger;
import io.floe.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

/**
 * A window join ({@code a.join(b).where(k1).equalTo(k2).window(w).apply(f)}): every pair of an
 * element of each input with equal keys in one window, when the window fires. An inner join built
 * on {@link CoGroupedStreams}, as in Flink.
 */
public class JoinedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = input1;
        this.input2 = Objects.requireNonNull(input2, "stream to join");
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
                return new WithWindow<>(new CoGroupedStreams<>(input1, input2)
                        .where(keySelector1)
                        .equalTo(keySelector2)
                        .window(assigner));
            }
        }
    }

    /** Keys and windows chosen: optionally a trigger, evictor or lateness, then the join function. */
    public static class WithWindow<T1, T2, K, W extends Window> {
        private final CoGroupedStreams.WithWindow<T1, T2, K, W> coGroup;

        WithWindow(CoGroupedStreams.WithWindow<T1, T2, K, W> coGroup) {
            this.coGroup = coGroup;
        }

        public WithWindow<T1, T2, K, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
            coGroup.trigger(trigger);
            return this;
        }

        public WithWindow<T1, T2, K, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
            coGroup.evictor(evictor);
            return this;
        }

        public WithWindow<T1, T2, K, W> allowedLateness(Duration lateness) {
            coGroup.allowedLateness(lateness);
            return this;
        }

        public <R> SingleOutputStreamOperator<R> apply(JoinFunction<T1, T2, R> function) {
            Objects.requireNonNull(function, "join function");
            return coGroup.apply(
                    new FlatJoinCoGroup<>((first, second, out) -> out.collect(function.join(first, second))));
        }

        public <R> SingleOutputStreamOperator<R> apply(FlatJoinFunction<T1, T2, R> function) {
            return coGroup.apply(new FlatJoinCoGroup<>(Objects.requireNonNull(function, "join function")));
        }
    }

    /** The inner join of a co-group: the function on every pair. */
    private static final class FlatJoinCoGroup<T1, T2, R> implements CoGroupFunction<T1, T2, R> {
        private static final long serialVersionUID = 1L;

        private final FlatJoinFunction<T1, T2, R> function;

        FlatJoinCoGroup(FlatJoinFunction<T1, T2, R> function) {
            this.function = function;
        }

        @Override
        public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<R> out) throws Exception {
            for (T1 a : first) {
                for (T2 b : second) {
                    function.join(a, b, out);
                }
            }
        }
    }
}
