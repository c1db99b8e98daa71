package io.floe.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What W5 and W6 check: the number of window results, the sum of their counts (the checksum: the
 * number of events for tumbling windows, ten times that for W6's sliding windows) and a fingerprint
 * over every result's key, latest event time and count, which moves when any window has the wrong
 * count or contents. Sums wrap on overflow, so totals from several sinks simply add up.
 */
record WindowTotals(long windows, long checksum, long fingerprint) {
    static final WindowTotals NONE = new WindowTotals(0, 0, 0);

    /** These totals with one more window result. */
    WindowTotals plus(long key, long latestEventTime, long count) {
        return new WindowTotals(windows + 1, checksum + count, fingerprint + fingerprint(key, latestEventTime, count));
    }

    WindowTotals plus(WindowTotals other) {
        return new WindowTotals(windows + other.windows, checksum + other.checksum, fingerprint + other.fingerprint);
    }

    /** A well-mixed hash of one window result (a sum of plain products would let counts trade places). */
    static long fingerprint(long key, long latestEventTime, long count) {
        long h = key * 0x9E3779B97F4A7C15L ^ latestEventTime * 0xC2B2AE3D27D4EB4FL ^ count * 0x165667B19E3779F9L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 29);
    }

    String format() {
        return windows + " " + checksum + " " + fingerprint;
    }

    static WindowTotals parse(String text) {
        String[] fields = text.trim().split(" ");
        return new WindowTotals(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]));
    }

    /** The sum over every sink's file in the directory (zero when no sink finished). */
    static WindowTotals readAll(Path directory) throws IOException {
        WindowTotals sum = NONE;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                sum = sum.plus(parse(Files.readString(file)));
            }
        }
        return sum;
    }
}
