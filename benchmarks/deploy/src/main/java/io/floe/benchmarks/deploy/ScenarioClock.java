package io.floe.benchmarks.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clock of one scenario: started right before the measured call, it gives seconds since then
 * ({@link System#nanoTime}), the wall-clock start (to place container log lines on the same axis)
 * and a console for the deployer that notes when each of its progress lines appeared (created
 * application, submitted, ACCEPTED, RUNNING), which makes the client-side sub-phases. Used on the
 * scenario's thread; the console may be called from the deployer's.
 */
final class ScenarioClock {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioClock.class);

    /** A console line of the deployer, with its time since the start. */
    record ConsoleLine(long nanos, String text) {}

    private final String scenario;
    private long startNanos;
    private long startWallMillis;
    private final List<ConsoleLine> consoleLines = new ArrayList<>();

    ScenarioClock(String scenario) {
        this.scenario = scenario;
    }

    /** Starts (or restarts) the clock. */
    void start() {
        synchronized (consoleLines) {
            consoleLines.clear();
        }
        startWallMillis = System.currentTimeMillis();
        startNanos = System.nanoTime();
    }

    /** Nanoseconds since {@link #start}. */
    long elapsed() {
        return System.nanoTime() - startNanos;
    }

    /** Nanoseconds from the start to {@code nanoTime}, a reading of {@link System#nanoTime}. */
    long at(long nanoTime) {
        return nanoTime - startNanos;
    }

    long startWallMillis() {
        return startWallMillis;
    }

    /** What the deployer prints goes to the client log, noted with its time. */
    Consumer<String> console() {
        return text -> {
            long at = elapsed();
            synchronized (consoleLines) {
                consoleLines.add(new ConsoleLine(at, text));
            }
            LOG.info("[{} +{}s] {}", scenario, ScenarioResult.seconds(at), text);
        };
    }

    /** Seconds from the start to the first console line containing {@code fragment}, or "-". */
    String consoleSeconds(String fragment) {
        synchronized (consoleLines) {
            for (ConsoleLine line : consoleLines) {
                if (line.text().contains(fragment)) {
                    return ScenarioResult.seconds(line.nanos());
                }
            }
        }
        return "-";
    }
}
