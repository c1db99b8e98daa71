package io.floe.benchmarks;

import java.util.Arrays;

/**
 * The {@link WindowTotals} W5 and W6 must produce, worked out from the generator alone, with
 * window arithmetic of its own (not Floe's assigners): {@code fromSequence(0, n-1)} gives each
 * subtask one contiguous part of the range (the first {@code n % parallelism} parts one longer, as
 * Floe's source and Flink's both split it when {@code n} divides evenly), each subtask numbers its
 * records from 0 for {@link WindowEventGenerator#eventTime}, and every event counts once in each
 * of the {@code size / slide} windows ({@code [start, start + size)}, starts multiples of
 * {@code slide}) that contain its time. No event is late, so every window fires once.
 *
 * <p>It goes key by key, so it needs two arrays of one key's windows and allocates nothing per
 * event: the heap it takes stays out of the measured JVM's figures.
 */
final class ExpectedWindowTotals {
    private ExpectedWindowTotals() {}

    static WindowTotals compute(
            long n, int parallelism, long keys, long perMs, long disorder, long sizeMillis, long slideMillis) {
        if (n <= 0 || parallelism <= 0 || slideMillis <= 0 || sizeMillis % slideMillis != 0) {
            throw new IllegalArgumentException("Need n > 0, parallelism > 0 and size a multiple of slide, got n=" + n
                    + " parallelism=" + parallelism + " size=" + sizeMillis + " slide=" + slideMillis);
        }
        long longestPart = n / parallelism + (n % parallelism == 0 ? 0 : 1);
        long latestEventTime = (longestPart - 1) / perMs;
        int windowsPerEvent = (int) (sizeMillis / slideMillis);
        // window index w holds [(w - windowsPerEvent + 1) * slide, ... + size): index 0 is the first window of time 0
        int windowSlots = Math.toIntExact(latestEventTime / slideMillis + windowsPerEvent);
        long[] counts = new long[windowSlots];
        long[] latest = new long[windowSlots];

        WindowTotals totals = WindowTotals.NONE;
        for (long key = 0; key < keys; key++) {
            Arrays.fill(counts, 0);
            for (int subtask = 0; subtask < parallelism; subtask++) {
                long start = n / parallelism * subtask + Math.min(subtask, n % parallelism);
                long length = n / parallelism + (subtask < n % parallelism ? 1 : 0);
                for (long c = Math.floorMod(key - start, keys); c < length; c += keys) {
                    long time = WindowEventGenerator.eventTime(c, perMs, disorder);
                    int last = (int) (time / slideMillis) + windowsPerEvent - 1;
                    for (int w = last; w > last - windowsPerEvent; w--) {
                        latest[w] = counts[w] == 0 ? time : Math.max(latest[w], time);
                        counts[w]++;
                    }
                }
            }
            for (int w = 0; w < windowSlots; w++) {
                if (counts[w] > 0) {
                    totals = totals.plus(key, latest[w], counts[w]);
                }
            }
        }
        return totals;
    }
}
