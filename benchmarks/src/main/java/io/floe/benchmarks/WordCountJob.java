package io.floe.benchmarks;

import io.floe.api.Collector;
import io.floe.api.JobExecutionResult;
import io.floe.api.RuntimeExecutionMode;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.api.functions.FlatMapFunction;
import io.floe.api.tuple.Tuple2;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * W3, word count over the anchor's 100 MB text: {@code readTextFile} → split on single spaces
 * (indexOf, no regex, no lower-casing) → {@code keyBy(word)} → {@code sum(1)} →
 * {@link WordCountCheckSink}, which keeps the latest count per word. When the job has ended, the
 * sinks' totals are checked against the text's known distinct words, word count (checksum) and
 * fingerprint; the RESULT line says {@code correct=true|false}. Records = the number of words.
 *
 * <p>{@code WordCountJob --label W3-streaming --input /tmp/floe-words.txt --parallelism 2 --mode streaming}
 */
public final class WordCountJob {
    private WordCountJob() {}

    public static void main(String[] args) throws Exception {
        JobArguments arguments = new JobArguments(args);
        Path totalsDirectory = Files.createTempDirectory("floe-w3-totals-");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(arguments.getInt("parallelism"));
        env.setRuntimeMode(RuntimeExecutionMode.valueOf(arguments.get("mode").toUpperCase(Locale.ROOT)));
        env.readTextFile(arguments.get("input"))
                .flatMap(new SpaceSplitter())
                .keyBy(t -> t.f0)
                .sum(1)
                .addSink(new WordCountCheckSink(totalsDirectory.toString()));

        long start = System.nanoTime();
        JobExecutionResult result = env.execute("W3 word count");
        double wallSeconds = (System.nanoTime() - start) / 1e9;

        WordCountCheckSink.Totals totals = WordCountCheckSink.Totals.readAll(totalsDirectory);
        deleteDirectory(totalsDirectory);
        boolean correct = totals.distinct() == WordFileGenerator.DISTINCT_WORDS
                && totals.checksum() == WordFileGenerator.EXPECTED_WORDS
                && totals.fingerprint() == WordFileGenerator.EXPECTED_FINGERPRINT;
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("wall_seconds", String.format(Locale.ROOT, "%.3f", wallSeconds));
        extra.put("distinct", String.valueOf(totals.distinct()));
        extra.put("checksum", String.valueOf(totals.checksum()));
        extra.put("fingerprint", String.valueOf(totals.fingerprint()));
        extra.put("correct", String.valueOf(correct));
        System.out.println(ResultLine.of(arguments.get("label"), totals.checksum(), result.getNetRuntime(), extra)
                .format());
    }

    private static void deleteDirectory(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    /** Splits a line on single spaces into {@code (word, 1)}. */
    static final class SpaceSplitter implements FlatMapFunction<String, Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<Tuple2<String, Long>> out) {
            int start = 0;
            while (start < line.length()) {
                int space = line.indexOf(' ', start);
                int end = space < 0 ? line.length() : space;
                if (end > start) {
                    out.collect(Tuple2.of(line.substring(start, end), 1L));
                }
                start = end + 1;
            }
        }
    }
}
