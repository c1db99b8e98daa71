package io.floe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.functions.AggregateFunction;
import io.floe.api.functions.KeyedProcessFunction;
import io.floe.api.functions.OpenContext;
import io.floe.api.functions.ProcessFunction;
import io.floe.api.functions.RichFlatMapFunction;
import io.floe.api.functions.RichMapFunction;
import io.floe.api.functions.source.RichParallelSourceFunction;
import io.floe.api.state.AggregatingState;
import io.floe.api.state.AggregatingStateDescriptor;
import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.api.state.MapState;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;
import io.floe.api.tuple.Tuple2;
import io.floe.testutils.TestOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyed state, process functions, side outputs and rich functions, end to end on the embedded cluster. */
class KeyedStateITCase {
    private static final int KEYS = 37;
    private static final int RECORDS = 20_000;
    /** Flink's way to declare a tag: an anonymous subclass (static here, so it captures no test instance). */
    private static final OutputTag<String> MILESTONES = new OutputTag<>("milestones") {};

    @TempDir
    Path dir;

    @Test
    void aKeyedProcessFunctionCountsEveryKeyExactlyAndSplitsMilestonesToASideOutput() throws Exception {
        Path counts = dir.resolve("counts");
        Path milestones = dir.resolve("milestones");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        SingleOutputStreamOperator<Tuple2<String, Long>> counted = env.fromSequence(0, RECORDS - 1)
                .map(i -> Tuple2.of("key-" + (i % KEYS), i))
                .keyBy(t -> t.f0)
                .process(new CountWithMilestones(MILESTONES))
                .uid("counter");
        counted.writeAsText(counts.toString());
        counted.getSideOutput(MILESTONES).writeAsText(milestones.toString());
        env.execute("keyed counts");

        Map<String, List<Long>> seen = new TreeMap<>();
        for (String line : TestOutput.allLines(counts)) {
            String[] parts = line.substring(1, line.length() - 1).split(",");
            seen.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Long.parseLong(parts[1]));
        }
        assertEquals(KEYS, seen.size());
        for (Map.Entry<String, List<Long>> key : seen.entrySet()) {
            int expected = expectedRecordsOf(key.getKey());
            List<Long> values = new ArrayList<>(key.getValue());
            values.sort(null);
            List<Long> oneToN = new ArrayList<>();
            for (long n = 1; n <= expected; n++) {
                oneToN.add(n);
            }
            assertEquals(oneToN, values, "every count of " + key.getKey() + " exactly once");
        }
        TreeSet<String> expectedMilestones = new TreeSet<>();
        seen.forEach((key, values) -> {
            for (long n = 100; n <= values.size(); n += 100) {
                expectedMilestones.add(key + " reached " + n);
            }
        });
        assertEquals(expectedMilestones, new TreeSet<>(TestOutput.allLines(milestones)));
    }

    @Test
    void keyedMapAndFlatMapFunctionsUseTheirKeysState() throws Exception {
        Path groups = dir.resolve("groups");
        Path averages = dir.resolve("averages");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(3);
        // one source subtask, so each key's records arrive in order
        KeyedStream<Long, Long> byRemainder = env.fromCollection(
                        LongStream.rangeClosed(1, 30).boxed().toList())
                .keyBy(i -> i % 5);
        byRemainder.flatMap(new EmitEveryThird()).writeAsText(groups.toString());
        byRemainder.map(new RunningAverage()).writeAsText(averages.toString());
        env.execute("keyed rich functions");

        List<String> emitted = new ArrayList<>(TestOutput.allLines(groups));
        emitted.sort(null);
        List<String> expected = new ArrayList<>();
        for (long remainder = 0; remainder < 5; remainder++) {
            List<Long> members = new ArrayList<>();
            for (long i = 1; i <= 30; i++) {
                if (i % 5 == remainder) {
                    members.add(i);
                }
            }
            expected.add(members.subList(0, 3).toString());
            expected.add(members.subList(3, 6).toString());
        }
        expected.sort(null);
        assertEquals(expected, emitted);

        Map<Long, Double> lastAverage = new HashMap<>();
        for (String line : TestOutput.allLines(averages)) {
            String[] parts = line.split("=");
            lastAverage.merge(Long.parseLong(parts[0]), Double.parseDouble(parts[1]), Math::max);
        }
        // the averages of a key only grow (its values come in order), so the largest is the last one
        assertEquals(Map.of(0L, 17.5, 1L, 13.5, 2L, 14.5, 3L, 15.5, 4L, 16.5), lastAverage);
    }

    @Test
    void richSourcesAndFunctionsSeeTheirSubtaskAndAreOpenedAndClosed() throws Exception {
        Path output = dir.resolve("tasks");
        Path closed = Files.createDirectory(dir.resolve("closed"));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(3);
        env.addSource(new SubtaskNames())
                .map(new OnlyWhenOpened(closed.toString()))
                .writeAsText(output.toString());
        env.execute("rich functions");

        List<String> lines = new ArrayList<>(TestOutput.allLines(output));
        lines.sort(null);
        String task = "Custom Source -> Map -> TextFileSink: " + output;
        assertEquals(
                List.of(
                        "opened: " + task + " 0 of 3, max 128, attempt 0",
                        "opened: " + task + " 1 of 3, max 128, attempt 0",
                        "opened: " + task + " 2 of 3, max 128, attempt 0"),
                lines);
        assertEquals(3, Files.list(closed).count(), "every subtask's map function was closed");
    }

    @Test
    void keyedStateOutsideAKeyedStreamFailsTheJobWithAClearMessage() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromElements(1L, 2L, 3L).map(new RunningAverage()).addSink(x -> {});
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("not keyed"));
        assertTrue(
                e.getCause().getMessage().contains("Keyed state can only be used on a keyed stream, i.e. after keyBy"),
                e.getCause().getMessage());
    }

    @Test
    void aStateNameReusedWithAnotherTypeFailsTheJobNamingTheState() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromElements(1L, 2L).keyBy(x -> x).map(registeringTotalTwice()).addSink(x -> {});
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("reused name"));
        assertTrue(
                e.getCause().getMessage().contains("State 'total' is registered as ValueState<java.lang.Long>"),
                e.getCause().getMessage());
    }

    @Test
    void timersOnAStreamThatIsNotKeyedAreRefusedWithFlinksMessage() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromElements("a").process(registeringATimer()).addSink(x -> {});
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("timers"));
        assertEquals(TimerService.UNSUPPORTED_REGISTER_TIMER_MSG, e.getCause().getMessage());
    }

    @Test
    void aProcessFunctionOnAPlainStreamWritesMainAndSideOutputs() throws Exception {
        Path evens = dir.resolve("evens");
        Path odds = dir.resolve("odds");
        OutputTag<Long> oddTag = new OutputTag<>("odd");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        SingleOutputStreamOperator<Long> split = env.fromSequence(1, 10).process(evensToMainOddsTo(oddTag));
        split.writeAsText(evens.toString());
        split.getSideOutput(oddTag).map(x -> x * 100).writeAsText(odds.toString());
        env.execute("split");
        assertEquals(List.of("2", "4", "6", "8", "10"), TestOutput.allLines(evens));
        assertEquals(List.of("100", "300", "500", "700", "900"), TestOutput.allLines(odds));
    }

    private static RichMapFunction<Long, Long> registeringTotalTwice() {
        return new RichMapFunction<>() {
            @Override
            public void open(OpenContext openContext) {
                getRuntimeContext().getState(new ValueStateDescriptor<>("total", Long.class));
                getRuntimeContext().getListState(new ListStateDescriptor<>("total", Long.class));
            }

            @Override
            public Long map(Long value) {
                return value;
            }
        };
    }

    private static ProcessFunction<String, String> registeringATimer() {
        return new ProcessFunction<>() {
            @Override
            public void processElement(String value, Context ctx, Collector<String> out) {
                ctx.timerService()
                        .registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 10);
            }
        };
    }

    private static ProcessFunction<Long, Long> evensToMainOddsTo(OutputTag<Long> oddTag) {
        return new ProcessFunction<>() {
            @Override
            public void processElement(Long value, Context ctx, Collector<Long> out) {
                if (value % 2 == 0) {
                    out.collect(value);
                } else {
                    ctx.output(oddTag, value);
                }
            }
        };
    }

    private static int expectedRecordsOf(String key) {
        int remainder = Integer.parseInt(key.substring("key-".length()));
        return RECORDS / KEYS + (remainder < RECORDS % KEYS ? 1 : 0);
    }

    /**
     * Counts per key in value state, and by parity in map state (the two must agree); every 100th
     * record of a key goes to the milestone side output.
     */
    private static final class CountWithMilestones
            extends KeyedProcessFunction<String, Tuple2<String, Long>, Tuple2<String, Long>> {
        private final OutputTag<String> milestones;
        private transient ValueState<Long> count;
        private transient MapState<String, Long> perParity;

        CountWithMilestones(OutputTag<String> milestones) {
            this.milestones = milestones;
        }

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
            perParity = getRuntimeContext().getMapState(new MapStateDescriptor<>("parity", String.class, Long.class));
        }

        @Override
        public void processElement(Tuple2<String, Long> value, Context ctx, Collector<Tuple2<String, Long>> out)
                throws Exception {
            if (!ctx.getCurrentKey().equals(value.f0)) {
                throw new IllegalStateException("current key " + ctx.getCurrentKey() + " for record " + value);
            }
            long next = count.value() == null ? 1 : count.value() + 1;
            count.update(next);
            String parity = value.f1 % 2 == 0 ? "even" : "odd";
            Long ofParity = perParity.get(parity);
            perParity.put(parity, ofParity == null ? 1 : ofParity + 1);
            long both = 0;
            for (Long n : perParity.values()) {
                both += n;
            }
            if (both != next) {
                throw new IllegalStateException("the map state of " + value.f0 + " counted " + both + ", not " + next);
            }
            out.collect(Tuple2.of(value.f0, next));
            if (next % 100 == 0) {
                ctx.output(milestones, value.f0 + " reached " + next);
            }
        }
    }

    /** Collects a key's values in list state and emits them three at a time. */
    private static final class EmitEveryThird extends RichFlatMapFunction<Long, String> {
        private transient ListState<Long> pending;

        @Override
        public void open(OpenContext openContext) {
            pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", Long.class));
        }

        @Override
        public void flatMap(Long value, Collector<String> out) throws Exception {
            pending.add(value);
            List<Long> all = new ArrayList<>();
            pending.get().forEach(all::add);
            if (all.size() == 3) {
                out.collect(all.toString());
                pending.clear();
            }
        }
    }

    /** {@code key=average so far}, with the average kept in aggregating state. */
    private static final class RunningAverage extends RichMapFunction<Long, String> {
        private transient AggregatingState<Long, Double> average;

        @Override
        public void open(OpenContext openContext) {
            average = getRuntimeContext()
                    .getAggregatingState(new AggregatingStateDescriptor<>("avg", new Average(), long[].class));
        }

        @Override
        public String map(Long value) throws Exception {
            average.add(value);
            return (value % 5) + "=" + average.get();
        }
    }

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

    /** One record per subtask that names it; a parallel rich source. */
    private static final class SubtaskNames extends RichParallelSourceFunction<String> {
        private transient String name;

        @Override
        public void open(OpenContext openContext) {
            TaskInfo task = getRuntimeContext().getTaskInfo();
            name = task.getTaskName() + " " + task.getIndexOfThisSubtask() + " of "
                    + task.getNumberOfParallelSubtasks() + ", max " + task.getMaxNumberOfParallelSubtasks()
                    + ", attempt " + task.getAttemptNumber();
        }

        @Override
        public void run(SourceContext<String> ctx) {
            ctx.collect(name);
        }

        @Override
        public void cancel() {}
    }

    /** Fails unless opened; marks its subtask closed with a file. */
    private static final class OnlyWhenOpened extends RichMapFunction<String, String> {
        private final String closedDir;
        private transient boolean opened;

        OnlyWhenOpened(String closedDir) {
            this.closedDir = closedDir;
        }

        @Override
        public void open(OpenContext openContext) {
            opened = true;
        }

        @Override
        public String map(String value) {
            if (!opened) {
                throw new IllegalStateException("map before open");
            }
            return "opened: " + value;
        }

        @Override
        public void close() throws Exception {
            Files.createFile(Path.of(
                    closedDir, "subtask-" + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask()));
        }
    }
}
