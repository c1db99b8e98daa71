package io.floe.benchmarks;

import io.floe.api.functions.sink.SinkFunction;
import io.floe.api.tuple.Tuple2;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Keeps the latest count of every word it receives and, when its input has ended, writes its
 * {@link Totals} to a file of its own in a shared directory. Keyed input gives each sink subtask
 * a disjoint set of words, so the job's totals are the sums of the files' totals.
 */
final class WordCountCheckSink implements SinkFunction<Tuple2<String, Long>> {
    private static final long serialVersionUID = 1L;
    private final String totalsDirectory;
    private transient Map<String, Long> latest;

    WordCountCheckSink(String totalsDirectory) {
        this.totalsDirectory = totalsDirectory;
    }

    @Override
    public void open() {
        latest = new HashMap<>();
    }

    @Override
    public void invoke(Tuple2<String, Long> value) {
        latest.put(value.f0, value.f1);
    }

    @Override
    public void finish() throws IOException {
        Totals totals = Totals.of(latest);
        Files.writeString(Path.of(totalsDirectory, "totals-" + UUID.randomUUID()), totals.format());
    }

    /**
     * Distinct words, the sum of their counts (the checksum) and the fingerprint
     * {@code sum((long) word.hashCode() * count)}, wrapping on overflow as the anchor's does.
     */
    record Totals(long distinct, long checksum, long fingerprint) {
        static Totals of(Map<String, Long> counts) {
            long checksum = 0;
            long fingerprint = 0;
            for (Map.Entry<String, Long> entry : counts.entrySet()) {
                checksum += entry.getValue();
                fingerprint += (long) entry.getKey().hashCode() * entry.getValue();
            }
            return new Totals(counts.size(), checksum, fingerprint);
        }

        Totals plus(Totals other) {
            return new Totals(distinct + other.distinct, checksum + other.checksum, fingerprint + other.fingerprint);
        }

        String format() {
            return distinct + " " + checksum + " " + fingerprint;
        }

        static Totals parse(String text) {
            String[] fields = text.trim().split(" ");
            return new Totals(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]));
        }

        /** The sum over every sink's file in the directory (zero when no sink finished). */
        static Totals readAll(Path directory) throws IOException {
            Totals sum = new Totals(0, 0, 0);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    sum = sum.plus(parse(Files.readString(file)));
                }
            }
            return sum;
        }
    }
}
