package io.floe.runtime.jobgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.DataStream;
import io.floe.api.RuntimeExecutionMode;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.api.tuple.Tuple2;
import io.floe.runtime.execution.JobGraphs;
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
}
