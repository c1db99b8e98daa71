package io.floe.benchmarks;

import io.floe.api.functions.sink.SinkFunction;
import io.floe.api.tuple.Tuple3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * W5's and W6's sink: drops every window result, keeping only three running sums of them (see
 * {@link WindowTotals}; no allocation per record), and writes those to a file of its own in a
 * shared directory when its input has ended. Results are {@code (key, latest event time, count)}.
 */
final class WindowTotalsSink implements SinkFunction<Tuple3<Long, Long, Long>> {
    private static final long serialVersionUID = 1L;
    private final String totalsDirectory;
    private transient long windows;
    private transient long checksum;
    private transient long fingerprint;

    WindowTotalsSink(String totalsDirectory) {
        this.totalsDirectory = totalsDirectory;
    }

    @Override
    public void invoke(Tuple3<Long, Long, Long> result) {
        windows++;
        checksum += result.f2;
        fingerprint += WindowTotals.fingerprint(result.f0, result.f1, result.f2);
    }

    @Override
    public void finish() throws IOException {
        Files.writeString(
                Path.of(totalsDirectory, "totals-" + UUID.randomUUID()),
                new WindowTotals(windows, checksum, fingerprint).format());
    }
}
