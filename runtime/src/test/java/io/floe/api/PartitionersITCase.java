package io.floe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.functions.Partitioner;
import io.floe.api.functions.RichMapFunction;
import io.floe.runtime.execution.JobGraphs;
import io.floe.runtime.jobgraph.JobEdge;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.testutils.TestOutput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partitioners of {@link DataStream} end to end on the embedded cluster: which subtask of the
 * next operator each record reaches (each subtask writes its index next to the record), that no
 * record is lost or doubled, and the names the plan gives the edges.
 */
class PartitionersITCase {
    private static final int RECORDS = 1_000;

    @TempDir
    Path dir;

    /** Lines "record,subtask" (or "record,producer,subtask") as a multiset of their parts. */
    private static List<String[]> parsed(Path out) {
        List<String[]> rows = new ArrayList<>();
        for (String line : TestOutput.allLines(out)) {
            rows.add(line.split(","));
        }
        return rows;
    }

    @Test
    void broadcastDeliversEveryRecordToEverySubtaskOnce() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Path out = dir.resolve("broadcast");
        env.fromSequence(0, RECORDS - 1)
                .setParallelism(2)
                .broadcast()
                .map(new WithSubtask<>())
                .setParallelism(3)
                .writeAsText(out.toString())
                .setParallelism(1);
        env.execute("broadcast");

        Map<String, Integer> seen = new HashMap<>();
        for (String[] row : parsed(out)) {
            seen.merge(row[0] + "@" + row[1], 1, Integer::sum);
        }
        assertEquals(3 * RECORDS, seen.size(), "every record reaches each of the 3 subtasks");
        for (long i = 0; i < RECORDS; i++) {
            for (int subtask = 0; subtask < 3; subtask++) {
                assertEquals(1, seen.get(i + "@" + subtask), "record " + i + " at subtask " + subtask);
            }
        }
    }

    @Test
    void globalSendsEveryRecordToSubtaskZero() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Path out = dir.resolve("global");
        env.fromSequence(0, RECORDS - 1)
                .setParallelism(2)
                .global()
                .map(new WithSubtask<>())
                .setParallelism(3)
                .writeAsText(out.toString())
                .setParallelism(1);
        env.execute("global");

        Set<Long> records = new TreeSet<>();
        for (String[] row : parsed(out)) {
            assertEquals("0", row[1], "record " + row[0] + " went to subtask " + row[1]);
            assertTrue(records.add(Long.parseLong(row[0])), "record " + row[0] + " came twice");
        }
        assertEquals(RECORDS, records.size());
    }

    @Test
    void partitionCustomSendsEachKeyWhereThePartitionerChose() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Path out = dir.resolve("custom");
        env.fromSequence(0, RECORDS - 1)
                .setParallelism(2)
                .partitionCustom(new ByLastDigit(), i -> i % 10)
                .map(new WithSubtask<>())
                .setParallelism(3)
                .writeAsText(out.toString())
                .setParallelism(1);
        env.execute("partitionCustom");

        List<String[]> rows = parsed(out);
        assertEquals(RECORDS, rows.size());
        Set<String> subtasks = new HashSet<>();
        for (String[] row : rows) {
            long key = Long.parseLong(row[0]) % 10;
            assertEquals(String.valueOf(ByLastDigit.choose(key, 3)), row[1], "record " + row[0]);
            subtasks.add(row[1]);
        }
        assertEquals(Set.of("0", "1", "2"), subtasks);
    }

    @Test
    void partitionCustomOutOfRangeFailsNamingTheKeyAndThePartition() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfiguration().setString("restart-strategy.type", "none");
        env.fromSequence(0, 10)
                .setParallelism(1)
                .partitionCustom((Long key, int partitions) -> key == 7 ? partitions : 0, i -> i)
                .map(i -> i)
                .setParallelism(2)
                .writeAsText(dir.resolve("never").toString());

        Exception e = assertThrows(Exception.class, () -> env.execute("bad partitioner"));
        String messages = messages(e);
        assertTrue(messages.contains("returned partition 2 for key 7"), messages);
        assertTrue(messages.contains("[0, 2)"), messages);
    }

    @Test
    void rescaleKeepsEachProducerOnItsOwnConsumers() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Path out = dir.resolve("rescale");
        env.fromSequence(0, RECORDS - 1)
                .setParallelism(2)
                .map(new WithSubtask<>())
                .setParallelism(2)
                .rescale()
                .map(new WithSubtask<>())
                .setParallelism(4)
                .writeAsText(out.toString())
                .setParallelism(1);
        env.execute("rescale");

        Map<String, Set<String>> consumersOfProducer = new TreeMap<>();
        Map<String, Integer> perConsumer = new TreeMap<>();
        Set<Long> records = new HashSet<>();
        for (String[] row : parsed(out)) {
            consumersOfProducer.computeIfAbsent(row[1], p -> new TreeSet<>()).add(row[2]);
            perConsumer.merge(row[2], 1, Integer::sum);
            assertTrue(records.add(Long.parseLong(row[0])), "record " + row[0] + " came twice");
        }
        assertEquals(RECORDS, records.size());
        assertEquals(Map.of("0", Set.of("0", "1"), "1", Set.of("2", "3")), consumersOfProducer);
        // round-robin: each producer splits its records evenly over its two consumers
        assertEquals(
                RECORDS,
                perConsumer.values().stream().mapToInt(Integer::intValue).sum());
        Map<String, Integer> producerCounts = new HashMap<>();
        for (String[] row : parsed(out)) {
            producerCounts.merge(row[1], 1, Integer::sum);
        }
        for (int consumer = 0; consumer < 4; consumer++) {
            int ofProducer = producerCounts.get(String.valueOf(consumer / 2));
            int got = perConsumer.get(String.valueOf(consumer));
            assertTrue(
                    Math.abs(2 * got - ofProducer) <= 1, "consumer " + consumer + " got " + got + " of " + ofProducer);
        }
    }

    @Test
    void rescaleFromFourToTwoSendsPairsOfProducersToOneConsumer() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Path out = dir.resolve("rescale-down");
        env.fromSequence(0, RECORDS - 1)
                .setParallelism(4)
                .map(new WithSubtask<>())
                .setParallelism(4)
                .rescale()
                .map(new WithSubtask<>())
                .setParallelism(2)
                .writeAsText(out.toString())
                .setParallelism(1);
        env.execute("rescale down");

        Map<String, Set<String>> consumersOfProducer = new TreeMap<>();
        List<String[]> rows = parsed(out);
        for (String[] row : rows) {
            consumersOfProducer.computeIfAbsent(row[1], p -> new TreeSet<>()).add(row[2]);
        }
        assertEquals(RECORDS, rows.size());
        assertEquals(
                Map.of("0", Set.of("0"), "1", Set.of("0"), "2", Set.of("1"), "3", Set.of("1")), consumersOfProducer);
    }

    @Test
    void shuffleReachesEverySubtaskAndLosesNothing() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Path out = dir.resolve("shuffle");
        env.fromSequence(0, RECORDS - 1)
                .setParallelism(1)
                .shuffle()
                .map(new WithSubtask<>())
                .setParallelism(4)
                .writeAsText(out.toString())
                .setParallelism(1);
        env.execute("shuffle");

        Set<Long> records = new HashSet<>();
        Map<String, Integer> perSubtask = new TreeMap<>();
        for (String[] row : parsed(out)) {
            assertTrue(records.add(Long.parseLong(row[0])), "record " + row[0] + " came twice");
            perSubtask.merge(row[1], 1, Integer::sum);
        }
        assertEquals(RECORDS, records.size());
        assertEquals(Set.of("0", "1", "2", "3"), perSubtask.keySet());
        // uniform: 250 expected each; 100 is far below what chance gives (p < 1e-20)
        perSubtask.forEach((subtask, count) -> assertTrue(count > 100, subtask + " got only " + count));
    }

    @Test
    void forwardKeepsRecordsOnTheirSubtaskAndChains() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Path out = dir.resolve("forward");
        env.fromSequence(0, RECORDS - 1)
                .setParallelism(3)
                .map(new WithSubtask<>())
                .setParallelism(3)
                .forward()
                .map(new WithSubtask<>())
                .setParallelism(3)
                .writeAsText(out.toString())
                .setParallelism(1);
        env.execute("forward");

        List<String[]> rows = parsed(out);
        assertEquals(RECORDS, rows.size());
        for (String[] row : rows) {
            assertEquals(row[1], row[2], "record " + row[0] + " left its subtask");
        }
    }

    @Test
    void forwardBetweenUnequalParallelismsIsRefusedWhenTheProgramIsBuilt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(0, 10)
                .setParallelism(2)
                .map(i -> i)
                .name("Two")
                .setParallelism(2)
                .forward()
                .map(i -> i)
                .name("Three")
                .setParallelism(3)
                .writeAsText(dir.resolve("never").toString());

        UnsupportedOperationException e =
                assertThrows(UnsupportedOperationException.class, () -> env.execute("bad forward"));
        assertTrue(e.getMessage().contains("'Two' has parallelism 2 and 'Three' has parallelism 3"), e.getMessage());
    }

    @Test
    void thePlanNamesEachPartitionerAsFlinkDoes() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        DataStream<Long> source = env.fromSequence(0, 10);
        source.rescale().map(i -> i).writeAsText(dir.resolve("a").toString());
        source.shuffle().map(i -> i).writeAsText(dir.resolve("b").toString());
        source.broadcast().map(i -> i).writeAsText(dir.resolve("c").toString());
        source.global().map(i -> i).writeAsText(dir.resolve("d").toString());
        source.partitionCustom((Long key, int n) -> 0, i -> i)
                .map(i -> i)
                .writeAsText(dir.resolve("e").toString());
        source.forward().map(i -> i).writeAsText(dir.resolve("f").toString());
        JobGraph graph = JobGraphs.of(env, "plan");

        List<String> strategies = new ArrayList<>();
        for (JobEdge edge : graph.edges()) {
            strategies.add(edge.shipStrategy());
        }
        strategies.sort(null);
        // the forward edge chains the map (and its sink) into the source's vertex: no job edge
        assertEquals(List.of("BROADCAST", "CUSTOM", "GLOBAL", "RESCALE", "SHUFFLE"), strategies);
        assertEquals(6, graph.vertices().size(), graph.vertices().toString());
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    /** Appends the index of the subtask it runs in: "record,subtask". */
    static final class WithSubtask<T> extends RichMapFunction<T, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String map(T value) {
            return value + "," + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        }
    }

    /** A partition no hash would give: keys 0-9 to (key * 7 + 1) mod n. */
    static final class ByLastDigit implements Partitioner<Long> {
        private static final long serialVersionUID = 1L;

        static int choose(long key, int numPartitions) {
            return (int) ((key * 7 + 1) % numPartitions);
        }

        @Override
        public int partition(Long key, int numPartitions) {
            return choose(key, numPartitions);
        }
    }
}
