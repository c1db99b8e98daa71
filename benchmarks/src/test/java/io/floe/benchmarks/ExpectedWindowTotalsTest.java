package io.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.api.tuple.Tuple3;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectedWindowTotalsTest {

    @Test
    void tumblingTotalsMatchAWindowByWindowCount() {
        long n = 200_001; // an uneven split: the first subtask gets one more record
        WindowTotals expected = ExpectedWindowTotals.compute(n, 2, 7, 10, 100, 1_000, 1_000);
        assertEquals(bruteForce(n, 2, 7, 10, 100, 1_000, 1_000), expected);
        assertEquals(n, expected.checksum());
    }

    @Test
    void slidingTotalsCountEveryEventInTenWindows() {
        long n = 300_000;
        WindowTotals expected = ExpectedWindowTotals.compute(n, 3, 11, 10, 100, 10_000, 1_000);
        assertEquals(bruteForce(n, 3, 11, 10, 100, 10_000, 1_000), expected);
        assertEquals(10 * n, expected.checksum());
    }

    @Test
    void eventTimeIsTheAnchorsFormula() {
        assertEquals(0, WindowEventGenerator.eventTime(5, 10, 100));
        long c = 123_456;
        assertEquals(c / 10 - Math.floorMod(c * 2654435761L, 100), WindowEventGenerator.eventTime(c, 10, 100));
        assertEquals(c / 10, WindowEventGenerator.eventTime(c, 10, 0));
        WindowEventGenerator generator = new WindowEventGenerator(1_000, 10, 100);
        assertEquals(Tuple3.of(7L, 0L, 1L), generator.map(1_007L));
        assertEquals(Tuple3.of(8L, WindowEventGenerator.eventTime(1, 10, 100), 1L), generator.map(1_008L));
    }

    /** Runs the generator itself per subtask and keeps every window in a map, as a window operator would. */
    private static WindowTotals bruteForce(
            long n, int parallelism, long keys, long perMs, long disorder, long size, long slide) {
        Map<List<Long>, long[]> windows = new HashMap<>(); // (key, start) -> {count, latest event time}
        long start = 0;
        for (int subtask = 0; subtask < parallelism; subtask++) {
            long length = n / parallelism + (subtask < n % parallelism ? 1 : 0);
            WindowEventGenerator generator = new WindowEventGenerator(keys, perMs, disorder);
            for (long i = start; i < start + length; i++) {
                Tuple3<Long, Long, Long> event = generator.map(i);
                for (long s = event.f1 - event.f1 % slide; s > event.f1 - size; s -= slide) {
                    long[] window = windows.computeIfAbsent(List.of(event.f0, s), k -> new long[2]);
                    window[0] += event.f2;
                    window[1] = Math.max(window[1], event.f1);
                }
            }
            start += length;
        }
        WindowTotals totals = WindowTotals.NONE;
        for (Map.Entry<List<Long>, long[]> window : windows.entrySet()) {
            totals = totals.plus(window.getKey().get(0), window.getValue()[1], window.getValue()[0]);
        }
        return totals;
    }
}
