package io.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator's rules on small files; the full 100 MB file is checked by the suite (sha256). */
class WordFileGeneratorTest {

    @Test
    void sameSeedSameBytes() throws Exception {
        assertArrayEquals(generate(20240601L, 200, 50_000), generate(20240601L, 200, 50_000));
    }

    @Test
    void linesHoldSixToFourteenLowerCaseWordsOfThreeToTenLetters() throws Exception {
        String text = new String(generate(7L, 100, 20_000), StandardCharsets.US_ASCII);
        assertTrue(text.endsWith("\n"));
        Set<String> distinct = new HashSet<>();
        for (String line : text.split("\n")) {
            String[] words = line.split(" ", -1);
            assertTrue(words.length >= 6 && words.length <= 14, line);
            for (String word : words) {
                assertTrue(word.matches("[a-z]{3,10}"), word);
                distinct.add(word);
            }
        }
        assertTrue(distinct.size() <= 100, "only vocabulary words: " + distinct.size());
    }

    @Test
    void stopsAtTheFirstLineEndAfterTheMinimumSize() throws Exception {
        byte[] bytes = generate(1L, 50, 10_000);
        assertTrue(bytes.length >= 10_000 && bytes.length < 10_000 + 14 * 11, "length " + bytes.length);
    }

    @Test
    void zipfRanksFollowTheCumulativeWeights() {
        double[] cumulative = WordFileGenerator.zipfCumulativeWeights(4);
        assertEquals(1.0, cumulative[0]);
        assertEquals(1.5, cumulative[1]);
        assertEquals(0, WordFileGenerator.rankOf(cumulative, 0.0));
        assertEquals(0, WordFileGenerator.rankOf(cumulative, 0.999));
        assertEquals(1, WordFileGenerator.rankOf(cumulative, 1.0));
        assertEquals(3, WordFileGenerator.rankOf(cumulative, cumulative[3] - 1e-9));
    }

    private static byte[] generate(long seed, int distinctWords, long minBytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WordFileGenerator.Summary summary = new WordFileGenerator(seed, distinctWords, minBytes).write(out);
        assertEquals(out.size(), summary.bytes());
        return out.toByteArray();
    }
}
