package io.floe.benchmarks.deploy.job;

import io.floe.api.StreamExecutionEnvironment;
import io.floe.api.functions.MapFunction;
import io.floe.api.functions.sink.SinkFunction;

/**
 * The tiny bounded job of the deployment benchmark, the same as the Flink anchor's:
 * {@code fromSequence(1, 1000)} → {@code map(x + 1)} → a sink that drops everything, parallelism 1.
 * It ships as a user jar of its own (classifier {@code tinyjob}). The bench calls {@link #build} to
 * compile the job graph for D2 and D3; {@link #main} is the program D4 runs in the ApplicationMaster.
 */
public final class TinyJob {
    private TinyJob() {}

    public static void build(StreamExecutionEnvironment env) {
        env.setParallelism(1);
        env.fromSequence(1, 1000)
                .name("sequence 1..1000")
                .map(new PlusOne())
                .name("map x+1")
                .addSink(new Discard())
                .name("discard");
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env);
        env.execute("tiny job (application mode)");
    }

    /** {@code x + 1}. */
    public static final class PlusOne implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            return value + 1;
        }
    }

    /** Drops every record. */
    public static final class Discard implements SinkFunction<Long> {
        @Override
        public void invoke(Long value) {}
    }
}
