package io.floe.examples;

import io.floe.api.Collector;
import io.floe.api.DataStream;
import io.floe.api.RuntimeExecutionMode;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.api.WriteMode;
import io.floe.api.functions.FlatMapFunction;
import io.floe.api.tuple.Tuple2;
import java.util.Arrays;
import java.util.Locale;

/**
 * Counts words: lines are split on every character that is not a letter, words are lower-cased
 * and summed per word.
 *
 * <pre>
 * floe run examples/WordCount.jar [--input &lt;path&gt;] [--output &lt;path&gt;] [--mode batch|streaming]
 * </pre>
 *
 * <p>Without {@code --input} it counts a short poem bundled in the jar; without {@code --output}
 * it prints {@code (word,count)} records. In STREAMING mode every new count of a word is emitted;
 * in BATCH mode one final count per word. Without {@code --mode}, the configuration's
 * {@code execution.runtime-mode} applies.
 */
public final class WordCount {
    private WordCount() {}

    public static void main(String[] args) throws Exception {
        ExampleArguments arguments = ExampleArguments.parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (arguments.has("mode")) {
            env.setRuntimeMode(
                    RuntimeExecutionMode.valueOf(arguments.get("mode", "").toUpperCase(Locale.ROOT)));
        }

        DataStream<String> text = arguments.has("input")
                ? env.readTextFile(arguments.get("input", null))
                : env.fromCollection(Arrays.asList(WordCountText.LINES));

        DataStream<Tuple2<String, Long>> counts = text.flatMap(new Tokenizer())
                .name("Tokenizer")
                .keyBy(t -> t.f0)
                .sum(1)
                .name("Counter");

        if (arguments.has("output")) {
            counts.writeAsText(arguments.get("output", null), WriteMode.OVERWRITE);
        } else {
            counts.print();
        }
        env.execute("WordCount");
    }

    /** Splits a line into lower-case words, each with a count of 1. */
    public static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<Tuple2<String, Long>> out) {
            int start = -1;
            for (int i = 0; i <= line.length(); i++) {
                boolean letter = i < line.length() && Character.isLetter(line.charAt(i));
                if (letter && start < 0) {
                    start = i;
                } else if (!letter && start >= 0) {
                    out.collect(Tuple2.of(line.substring(start, i).toLowerCase(Locale.ROOT), 1L));
                    start = -1;
                }
            }
        }
    }
}
