package io.floe.examples;

import io.floe.api.Collector;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.api.checkpoint.CheckpointedFunction;
import io.floe.api.connector.file.sink.FileSink;
import io.floe.api.fs.Path;
import io.floe.api.functions.KeyedProcessFunction;
import io.floe.api.functions.OpenContext;
import io.floe.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import io.floe.api.functions.source.RichSourceFunction;
import io.floe.api.serialization.SimpleStringEncoder;
import io.floe.api.state.FunctionInitializationContext;
import io.floe.api.state.FunctionSnapshotContext;
import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Exactly-once counting, written as in Flink: a source keeps its position in operator state, a
 * keyed process function counts each key in {@code ValueState}, and a {@code FileSink} commits its
 * part files when a checkpoint completes. Every output line is {@code key,event,count}; after any
 * number of failures each event appears once, and each key's counts run 1, 2, 3, ... without a gap.
 *
 * <pre>
 * floe run examples/CheckpointedCounts.jar --output &lt;dir&gt; [--events 10000] [--keys 10] [--rate 1000]
 *     [--checkpoint-interval 1000]
 * </pre>
 *
 * <p>Set {@code state.checkpoints.dir} (e.g. {@code -Dstate.checkpoints.dir=hdfs:///floe/checkpoints})
 * so that checkpoints survive the loss of the JobManager's machine.
 */
public final class CheckpointedCounts {
    private CheckpointedCounts() {}

    public static void main(String[] args) throws Exception {
        ExampleArguments arguments = ExampleArguments.parse(args);
        long events = arguments.getLong("events", 10_000);
        long keys = arguments.getLong("keys", 10);
        long rate = arguments.getLong("rate", 1000);
        long interval = arguments.getLong("checkpoint-interval", 1000);
        String output = arguments.get("output", null);
        if (output == null || events < 0 || keys < 1 || rate < 0 || interval < 10) {
            throw new IllegalArgumentException("Usage: --output <dir> [--events n >= 0] [--keys n >= 1] [--rate n >= 0]"
                    + " [--checkpoint-interval ms >= 10]");
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(interval);
        env.addSource(new Events(events, rate))
                .name("Events")
                .uid("events")
                .keyBy(event -> event % keys)
                .process(new CountPerKey())
                .name("Count per key")
                .uid("count-per-key")
                .sinkTo(FileSink.forRowFormat(new Path(output), new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .build())
                .name("Files")
                .uid("files");
        env.execute("CheckpointedCounts");
    }

    /** Emits 0 .. events - 1 at most {@code rate} per second; the next event is its checkpointed state. */
    public static final class Events extends RichSourceFunction<Long> implements CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private final long events;
        private final long rate;
        private transient ListState<Long> nextState;
        private long next;
        private volatile boolean running = true;

        public Events(long events, long rate) {
            this.events = events;
            this.rate = rate;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            nextState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("next", Long.class));
            for (Long restored : nextState.get()) {
                next = restored;
            }
        }

        @Override
        public void run(SourceContext<Long> ctx) {
            long start = System.nanoTime();
            long first = next;
            while (running && next < events) {
                if (rate > 0) {
                    long wait = start + (next - first) * 1_000_000_000L / rate - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                synchronized (ctx.getCheckpointLock()) { // the event and the position move together
                    ctx.collect(next);
                    next++;
                }
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            nextState.update(List.of(next));
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Counts the events of each key; the count lives in keyed state, so it survives restarts. */
    public static final class CountPerKey extends KeyedProcessFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Long event, Context ctx, Collector<String> out) throws Exception {
            long updated = count.value() == null ? 1 : count.value() + 1;
            count.update(updated);
            out.collect(ctx.getCurrentKey() + "," + event + "," + updated);
        }
    }
}
