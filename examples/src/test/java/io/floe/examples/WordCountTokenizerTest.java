package io.floe.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.api.tuple.Tuple2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordCountTokenizerTest {

    @Test
    void splitsOnNonLettersAndLowerCases() {
        assertEquals(
                List.of("who", "said", "two", "vast", "and", "trunkless"), words("Who said-\"Two vast and trunkless"));
    }

    @Test
    void handlesLeadingTrailingAndRepeatedSeparators() {
        assertEquals(List.of("stand", "in", "the", "desert"), words("  Stand in the desert. . . . "));
        assertEquals(List.of("café", "über"), words("Café 42 ÜBER!"));
    }

    @Test
    void emitsNothingForLinesWithoutLetters() {
        assertEquals(List.of(), words(""));
        assertEquals(List.of(), words("12 -- 34"));
    }

    @Test
    void countsEachWordOnce() {
        List<Tuple2<String, Long>> out = new ArrayList<>();
        new WordCount.Tokenizer().flatMap("a b a", out::add);
        assertEquals(List.of(Tuple2.of("a", 1L), Tuple2.of("b", 1L), Tuple2.of("a", 1L)), out);
    }

    @Test
    void bundledTextHasWords() {
        List<String> all = new ArrayList<>();
        for (String line : WordCountText.LINES) {
            all.addAll(words(line));
        }
        assertEquals(111, all.size());
        assertEquals(8, all.stream().filter("and"::equals).count());
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        new WordCount.Tokenizer().flatMap(line, t -> words.add(t.f0));
        return words;
    }
}
