package io.floe.examples;

import io.floe.api.DataStream;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.api.WriteMode;
import io.floe.api.functions.source.SourceFunction;
import io.floe.api.tuple.Tuple2;
import java.util.concurrent.locks.LockSupport;

/**
 * A generator source emits {@code events} records {@code (i % keys, 1)}; a keyed sum counts them
 * per key, emitting each new sum. The last sum of key k is the number of i in [0, events) with
 * {@code i % keys == k}.
 *
 * <pre>
 * floe run examples/KeyedSumGenerator.jar [--events 1000] [--keys 10] [--rate 0] [--output &lt;path&gt;]
 * </pre>
 *
 * <p>{@code --rate} caps the events per second (0: as fast as possible), to watch a job run.
 */
public final class KeyedSumGenerator {
    private KeyedSumGenerator() {}

    public static void main(String[] args) throws Exception {
        ExampleArguments arguments = ExampleArguments.parse(args);
        long events = arguments.getLong("events", 1000);
        long keys = arguments.getLong("keys", 10);
        long rate = arguments.getLong("rate", 0);
        if (events < 0 || keys < 1 || rate < 0) {
            throw new IllegalArgumentException(
                    "--events and --rate must be >= 0 and --keys >= 1, got " + events + ", " + rate + " and " + keys);
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<Tuple2<Long, Long>> sums = env.addSource(new KeyedEventSource(events, keys, rate))
                .name("Generator")
                .keyBy(t -> t.f0)
                .sum(1)
                .name("Sum per key");
        if (arguments.has("output")) {
            sums.writeAsText(arguments.get("output", null), WriteMode.OVERWRITE);
        } else {
            sums.print();
        }
        env.execute("KeyedSumGenerator");
    }

    /** Emits {@code (i % keys, 1L)} for i = 0 .. events - 1, at most {@code rate} per second (0: no cap), then ends. */
    public static final class KeyedEventSource implements SourceFunction<Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;
        private final long events;
        private final long keys;
        private final long rate;
        private volatile boolean running = true;

        public KeyedEventSource(long events, long keys) {
            this(events, keys, 0);
        }

        public KeyedEventSource(long events, long keys, long rate) {
            this.events = events;
            this.keys = keys;
            this.rate = rate;
        }

        @Override
        public void run(SourceContext<Tuple2<Long, Long>> ctx) {
            long start = System.nanoTime();
            for (long i = 0; i < events && running; i++) {
                if (rate > 0) {
                    long due = start + i * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                ctx.collect(Tuple2.of(i % keys, 1L));
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }
}
