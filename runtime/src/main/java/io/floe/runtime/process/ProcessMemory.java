package io.floe.runtime.process;

import io.floe.configuration.MemorySize;

/**
 * How a process's total memory ({@code *.memory.process.size}) splits into JVM flags, after
 * Flink's model: metaspace, a JVM overhead of 10 % (at least 192 MiB, at most 1 GiB), direct
 * memory for the network and off-heap work, and the rest as heap. The YARN container of a process
 * is sized with the same total, so the JVM stays inside it.
 */
public record ProcessMemory(long heapBytes, long metaspaceBytes, long directBytes, long overheadBytes) {
    private static final long MIB = 1 << 20;
    private static final long METASPACE = 256 * MIB;
    private static final long OFF_HEAP = 128 * MIB;

    public static ProcessMemory jobManager(MemorySize processSize) {
        long total = processSize.getBytes();
        long overhead = overhead(total);
        long heap = total - METASPACE - overhead - OFF_HEAP;
        check(heap, processSize, "jobmanager.memory.process.size");
        return new ProcessMemory(heap, METASPACE, OFF_HEAP, overhead);
    }

    public static ProcessMemory taskManager(MemorySize processSize) {
        long total = processSize.getBytes();
        long overhead = overhead(total);
        long flink = total - METASPACE - overhead;
        long network = Math.max(64 * MIB, flink / 10);
        long heap = flink - network - OFF_HEAP;
        check(heap, processSize, "taskmanager.memory.process.size");
        return new ProcessMemory(heap, METASPACE, network + OFF_HEAP, overhead);
    }

    private static long overhead(long total) {
        return Math.min(1024 * MIB, Math.max(192 * MIB, total / 10));
    }

    private static void check(long heap, MemorySize processSize, String key) {
        if (heap < 64 * MIB) {
            throw new IllegalArgumentException(key + " = " + processSize + " leaves " + (heap >> 20)
                    + " MiB of heap after metaspace, overhead and direct memory; set at least 768m.");
        }
    }

    /** The JVM options: {@code -Xmx -Xms -XX:MaxMetaspaceSize -XX:MaxDirectMemorySize}. */
    public String jvmOptions() {
        return "-Xmx" + heapBytes + " -Xms" + heapBytes + " -XX:MaxMetaspaceSize=" + metaspaceBytes
                + " -XX:MaxDirectMemorySize=" + directBytes;
    }
}
