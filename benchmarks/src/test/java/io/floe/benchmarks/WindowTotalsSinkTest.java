package io.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.floe.api.tuple.Tuple3;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowTotalsSinkTest {
    @TempDir
    Path totals;

    @Test
    void sinksFilesAddUpToTheTotalsOfAllResults() throws Exception {
        WindowTotalsSink first = new WindowTotalsSink(totals.toString());
        first.invoke(Tuple3.of(1L, 999L, 20L));
        first.invoke(Tuple3.of(2L, 1_999L, 19L));
        first.finish();
        WindowTotalsSink second = new WindowTotalsSink(totals.toString());
        second.invoke(Tuple3.of(3L, 2_999L, 21L));
        second.finish();

        WindowTotals expected =
                WindowTotals.NONE.plus(1, 999, 20).plus(2, 1_999, 19).plus(3, 2_999, 21);
        assertEquals(expected, WindowTotals.readAll(totals));
        assertEquals(3, expected.windows());
        assertEquals(60, expected.checksum());
    }

    @Test
    void fingerprintSeesCountsTradePlaces() {
        assertNotEquals(
                WindowTotals.NONE.plus(1, 999, 20).plus(2, 999, 19),
                WindowTotals.NONE.plus(1, 999, 19).plus(2, 999, 20));
    }
}
