package io.floe.runtime.jobgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.Collector;
import io.floe.api.DataStream;
import io.floe.api.OutputTag;
import io.floe.api.RuntimeExecutionMode;
import io.floe.api.SingleOutputStreamOperator;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.api.functions.ProcessFunction;
import io.floe.api.tuple.Tuple2;
import io.floe.configuration.Configuration;
import io.floe.configuration.IllegalConfigurationException;
import io.floe.runtime.execution.JobGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobGraphGeneratorTest {

    private static JobGraph compile(StreamExecutionEnvironment env) {
        return JobGraphs.of(env, "test");
    }

    @Test
    void forwardOperatorsOfEqualParallelismFormOneVertex() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.fromSequence(1, 10).map(x -> x * 2).filter(x -> x % 3 != 0).addSink(x -> {});
        JobGraph graph = compile(env);
        assertEquals(1, graph.vertices().size());
        assertEquals(
                "Sequence Source -> Map -> Filter -> Sink",
                graph.vertices().get(0).name());
        assertEquals(2, graph.maxParallelism());
    }

    @Test
    void keyBySplitsTheChainWithAHashEdge() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.fromSequence(1, 10)
                .map(x -> Tuple2.of(x % 3, 1L))
                .keyBy(t -> t.f0)
                .sum(1)
                .print();
        JobGraph graph = compile(env);
        assertEquals(2, graph.vertices().size());
        assertEquals(1, graph.edges().size());
        assertEquals("HASH", graph.edges().get(0).shipStrategy());
        assertEquals(
                "Keyed Aggregation -> Print to Std. Out",
                graph.vertices().get(1).name());
    }

    @Test
    void differentParallelismGivesARebalanceEdge() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.fromElements("a", "b").map(String::toUpperCase).print();
        JobGraph graph = compile(env);
        assertEquals(2, graph.vertices().size());
        assertEquals(1, graph.vertices().get(0).parallelism(), "fromElements is not parallel");
        assertEquals("REBALANCE", graph.edges().get(0).shipStrategy());
    }

    @Test
    void unionIsNeverChained() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<Long> a = env.fromSequence(1, 5);
        DataStream<Long> b = env.fromSequence(6, 9);
        a.union(b).map(x -> x + 1).print();
        JobGraph graph = compile(env);
        assertEquals(3, graph.vertices().size());
        assertEquals(2, graph.inputsOf(graph.vertices().get(2).id()).size());
    }

    @Test
    void batchModeRefusesAnUnboundedSource() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.socketTextStream("localhost", 9999).print();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> compile(env));
        assertTrue(e.getMessage().contains("socketTextStream(localhost:9999) is unbounded"), e.getMessage());
    }

    @Test
    void automaticModeIsBatchWhenAllSourcesAreBounded() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setRuntimeMode(RuntimeExecutionMode.AUTOMATIC);
        env.fromSequence(1, 3).print();
        assertTrue(compile(env).batch());
    }

    @Test
    void aProgramWithoutSinkCannotRun() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, 3).map(x -> x);
        assertThrows(IllegalStateException.class, () -> compile(env));
    }

    @Test
    void aFunctionCapturingSomethingNotSerializableIsReportedAtCompileTime() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Object notSerializable = new Object();
        env.fromSequence(1, 3).map(x -> x + notSerializable.hashCode()).print();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> compile(env));
        assertTrue(e.getMessage().contains("not serializable"), e.getMessage());
    }

    @Test
    void disableChainingAndStartNewChainCutTheChainWhereAsked() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.fromSequence(1, 10)
                .map(x -> x + 1)
                .name("a")
                .map(x -> x + 2)
                .name("b")
                .disableChaining()
                .map(x -> x + 3)
                .name("c")
                .map(x -> x + 4)
                .name("d")
                .startNewChain()
                .map(x -> x + 5)
                .name("e")
                .addSink(x -> {});
        List<String> names =
                compile(env).vertices().stream().map(JobVertex::name).toList();
        assertEquals(List.of("Sequence Source -> a", "b", "c", "d -> e -> Sink"), names);
    }

    @Test
    void eachSlotSharingGroupNeedsItsOwnSlotsAndIsNotChainedToAnother() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.fromSequence(1, 10)
                .map(x -> x + 1)
                .map(x -> x * 2)
                .slotSharingGroup("heavy")
                .setParallelism(3)
                .filter(x -> x > 0) // inherits "heavy"
                .setParallelism(3)
                .addSink(x -> {})
                .slotSharingGroup("default")
                .setParallelism(2);
        JobGraph graph = compile(env);
        assertEquals(3, graph.vertices().size());
        JobVertex source = graph.vertices().get(0);
        JobVertex heavy = graph.vertices().get(1);
        JobVertex sink = graph.vertices().get(2);
        assertEquals("heavy", heavy.slotSharingGroup());
        assertEquals("Map -> Filter", heavy.name());
        assertEquals("default", sink.slotSharingGroup());
        assertEquals(2 + 3, graph.requiredSlots(), "max parallelism per group, summed");
        assertEquals(0, graph.firstSlotOf(source));
        assertEquals(0, graph.firstSlotOf(sink));
        assertEquals(2, graph.firstSlotOf(heavy));
    }

    @Test
    void aSideOutputIsAnEdgeOfItsOwnAndMayChain() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        OutputTag<Long> late = new OutputTag<>("late");
        SingleOutputStreamOperator<Long> main = env.fromSequence(1, 10).process(allTo(late));
        main.addSink(x -> {});
        main.getSideOutput(late).keyBy(x -> x).map(x -> x).addSink(x -> {});
        JobGraph graph = compile(env);
        assertEquals(2, graph.vertices().size());
        assertEquals(
                "Sequence Source -> Process -> Sink", graph.vertices().get(0).name());
        assertEquals("HASH", graph.edges().get(0).shipStrategy());
    }

    @Test
    void anOperatorsMaxParallelismBelowItsParallelismIsRefusedNamingIt() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(4);
        env.fromSequence(1, 10).map(x -> x).name("narrow").setMaxParallelism(2).addSink(x -> {});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> compile(env));
        assertEquals(
                "Operator 'narrow' has parallelism 4, above the max parallelism 2 (its setMaxParallelism);"
                        + " raise the max parallelism or lower the parallelism.",
                e.getMessage());
    }

    @Test
    void aStateBackendFloeDoesNotHaveIsRefusedNamingTheKey() {
        Configuration configuration = new Configuration();
        configuration.setString("state.backend.type", "rocksdb");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.fromSequence(1, 10).addSink(x -> {});
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class, () -> compile(env));
        assertEquals(
                "state.backend.type: 'rocksdb' is not available in Floe; it has the heap backend 'hashmap'"
                        + " (set that, or remove the key).",
                e.getMessage());
    }

    private static ProcessFunction<Long, Long> allTo(OutputTag<Long> tag) {
        return new ProcessFunction<>() {
            @Override
            public void processElement(Long value, Context ctx, Collector<Long> out) {
                ctx.output(tag, value);
            }
        };
    }
}
