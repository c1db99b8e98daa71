package io.floe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.api.tuple.Tuple2;
import io.floe.testutils.TestOutput;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WordCount on a generated text, checked against counts computed here, in BATCH and STREAMING mode. */
class WordCountITCase {
    @TempDir
    static Path dir;

    static Path input;
    static final Map<String, Long> expected = new HashMap<>();
    static long totalWords;

    @BeforeAll
    static void generateText() throws IOException {
        Random random = new Random(42);
        String[] vocabulary = new String[700];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = "w" + Integer.toString(i * 7919, 36);
        }
        input = dir.resolve("input.txt");
        try (Writer out = Files.newBufferedWriter(input)) {
            for (int line = 0; line < 60_000; line++) {
                int words = 1 + random.nextInt(12);
                for (int w = 0; w < words; w++) {
                    // skewed: low indexes are frequent, as in natural text
                    String word = vocabulary[(int) (Math.pow(random.nextDouble(), 3) * vocabulary.length)];
                    expected.merge(word, 1L, Long::sum);
                    totalWords++;
                    out.write(w == 0 ? word : " " + word);
                }
                out.write('\n');
            }
        }
    }

    private static void wordCount(RuntimeExecutionMode mode, Path output) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment()
                .setParallelism(2)
                .setRuntimeMode(mode);
        env.readTextFile(input.toString())
                .flatMap((String line, Collector<Tuple2<String, Long>> out) -> {
                    for (String word : line.split(" ")) {
                        out.collect(Tuple2.of(word, 1L));
                    }
                })
                .keyBy(t -> t.f0)
                .sum(1)
                .writeAsText(output.toString());
        env.execute("WordCount " + mode);
    }

    @Test
    void batchModeEmitsOneFinalCountPerWord() throws Exception {
        Path output = dir.resolve("batch-out");
        wordCount(RuntimeExecutionMode.BATCH, output);
        List<String> lines = TestOutput.allLines(output);
        assertEquals(expected.size(), lines.size(), "one line per distinct word");
        assertEquals(expected, TestOutput.lastCountPerKey(lines));
    }

    @Test
    void streamingModeEmitsEveryUpdateAndEndsWithTheExactCounts() throws Exception {
        Path output = dir.resolve("streaming-out");
        wordCount(RuntimeExecutionMode.STREAMING, output);
        List<List<String>> files = TestOutput.linesPerFile(output);
        assertEquals(2, files.size(), "one file per subtask");
        Map<String, Long> last = new HashMap<>();
        long updates = 0;
        for (List<String> file : files) {
            // a word lives in one subtask, so the last line for it in its file holds the final count
            last.putAll(TestOutput.lastCountPerKey(file));
            updates += file.size();
        }
        assertEquals(totalWords, updates, "every word produces one update");
        assertEquals(expected, last);
    }
}
