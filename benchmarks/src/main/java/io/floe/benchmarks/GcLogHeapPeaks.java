package io.floe.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A measured JVM's heap, read from its GC log, so that it works the same for Floe's jobs and the
 * Flink anchor's (whose code the suite does not touch). The JVM runs with {@link #jvmFlag}: one
 * line per GC pause ({@code ... Pause Young (Normal) (G1 Evacuation Pause) 812M->96M(2048M) 4.1ms})
 * and the heap summary at exit ({@code garbage-first heap total 2097152K, used 345678K}).
 *
 * <p>Heap use only grows between pauses, so the largest "before" figure (or the use at exit) is the
 * run's peak; with a fixed 2 GB heap it mostly shows how far G1 lets the young generation grow. The
 * largest "after" figure is the high-water mark of what survived a collection: the better measure
 * of the state a job holds (an upper bound, since old garbage waits for a mixed or full GC).
 *
 * @param peakMb the highest heap use seen, in MiB
 * @param afterGcPeakMb the highest heap use right after a pause, in MiB (0 without pauses)
 * @param pauses the number of GC pauses
 */
record GcLogHeapPeaks(long peakMb, long afterGcPeakMb, int pauses) {
    private static final Pattern PAUSE = Pattern.compile("\\bPause .* (\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\)");
    private static final Pattern EXIT_HEAP = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    /** The JVM flag that writes the GC log this class reads to {@code file} (a path without ':' or spaces). */
    static String jvmFlag(Path file) {
        return "-Xlog:gc,gc+heap+exit:file=" + file;
    }

    /** The peaks in a GC log; all zero for a log without pauses or exit summary. */
    static GcLogHeapPeaks parse(String log) {
        long peakKb = 0;
        long afterKb = 0;
        int pauses = 0;
        for (String line : log.split("\n")) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                pauses++;
                peakKb = Math.max(peakKb, kilobytes(pause.group(1), pause.group(2)));
                afterKb = Math.max(afterKb, kilobytes(pause.group(3), pause.group(4)));
                continue;
            }
            Matcher exit = EXIT_HEAP.matcher(line);
            if (exit.find()) {
                peakKb = Math.max(peakKb, Long.parseLong(exit.group(1)));
            }
        }
        return new GcLogHeapPeaks(peakKb / 1024, afterKb / 1024, pauses);
    }

    /** The fields a RESULT line carries: {@code heap_peak_mb}, {@code heap_after_gc_mb}, {@code gc_pauses}. */
    Map<String, String> resultFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("heap_peak_mb", Long.toString(peakMb));
        fields.put("heap_after_gc_mb", Long.toString(afterGcPeakMb));
        fields.put("gc_pauses", Integer.toString(pauses));
        return fields;
    }

    private static long kilobytes(String amount, String unit) {
        long value = Long.parseLong(amount);
        return switch (unit) {
            case "K" -> value;
            case "M" -> value * 1024;
            default -> value * 1024 * 1024;
        };
    }
}
