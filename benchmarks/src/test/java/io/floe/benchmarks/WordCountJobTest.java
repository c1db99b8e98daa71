package io.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.api.tuple.Tuple2;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordCountJobTest {
    @TempDir
    Path totals;

    @Test
    void splitsOnSingleSpacesWithoutChangingWords() {
        List<String> words = new ArrayList<>();
        new WordCountJob.SpaceSplitter().flatMap("abc Def  g ", t -> words.add(t.f0));
        assertEquals(List.of("abc", "Def", "g"), words);
    }

    @Test
    void sinksKeepLatestCountsAndTheirFilesAddUp() throws Exception {
        WordCountCheckSink first = new WordCountCheckSink(totals.toString());
        first.open();
        first.invoke(Tuple2.of("abc", 1L));
        first.invoke(Tuple2.of("abc", 2L));
        first.invoke(Tuple2.of("xyz", 1L));
        first.finish();
        WordCountCheckSink second = new WordCountCheckSink(totals.toString());
        second.open();
        second.invoke(Tuple2.of("def", 4L));
        second.finish();

        WordCountCheckSink.Totals sum = WordCountCheckSink.Totals.readAll(totals);
        assertEquals(3, sum.distinct());
        assertEquals(7, sum.checksum());
        assertEquals(2L * "abc".hashCode() + "xyz".hashCode() + 4L * "def".hashCode(), sum.fingerprint());
    }

    @Test
    void fingerprintWrapsLikeLongArithmetic() {
        WordCountCheckSink.Totals totals = WordCountCheckSink.Totals.of(Map.of("zzzzzzzzzz", Long.MAX_VALUE / 2));
        assertEquals((long) "zzzzzzzzzz".hashCode() * (Long.MAX_VALUE / 2), totals.fingerprint());
    }
}
