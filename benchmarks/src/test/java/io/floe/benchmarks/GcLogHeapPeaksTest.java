package io.floe.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GcLogHeapPeaksTest {

    @Test
    void peaksComeFromPausesAndTheHeapAtExit() {
        String log =
                """
                [0.006s][info][gc] Using G1
                [0.615s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 102M->4M(2048M) 13.907ms
                [0.728s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 614M->208M(2048M) 5ms
                [0.730s][info][gc] GC(2) Concurrent Mark Cycle
                [0.735s][info][gc] GC(2) Pause Remark 300M->300M(2048M) 6.377ms
                [0.835s][info][gc,heap,exit]  garbage-first heap   total 2097152K, used 716800K [0x0, 0x1)
                [0.835s][info][gc,heap,exit]  Metaspace       used 9317K, committed 9536K, reserved 1114112K
                """;
        GcLogHeapPeaks peaks = GcLogHeapPeaks.parse(log);
        assertEquals(new GcLogHeapPeaks(700, 300, 3), peaks);
        assertEquals(Map.of("heap_peak_mb", "700", "heap_after_gc_mb", "300", "gc_pauses", "3"), peaks.resultFields());
    }

    @Test
    void aLogWithoutPausesGivesZeros() {
        assertEquals(new GcLogHeapPeaks(0, 0, 0), GcLogHeapPeaks.parse("[0.006s][info][gc] Using G1\n"));
    }

    @Test
    void theFlagWritesGcAndExitHeapLines() {
        assertEquals("-Xlog:gc,gc+heap+exit:file=/tmp/x.log", GcLogHeapPeaks.jvmFlag(Path.of("/tmp/x.log")));
    }
}
