package io.floe.runtime.network;

import io.floe.runtime.types.ResultPartitionId;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daemon thread that flushes a {@link RecordWriter} at a fixed interval, so that records of a slow
 * stream do not wait in a half-full buffer: the latency/throughput knob of the data plane.
 */
final class OutputFlusher extends Thread {

    private static final Logger LOG = LoggerFactory.getLogger(OutputFlusher.class);

    private final RecordWriter writer;
    private final long intervalMillis;
    private volatile boolean running = true;

    OutputFlusher(ResultPartitionId partitionId, RecordWriter writer, Duration interval) {
        super("floe-output-flusher-" + partitionId);
        setDaemon(true);
        this.writer = writer;
        this.intervalMillis = Math.max(1, interval.toMillis());
    }

    @Override
    public void run() {
        try {
            while (running) {
                Thread.sleep(intervalMillis);
                writer.flushAll();
            }
        } catch (InterruptedException e) {
            if (running) {
                LOG.warn("{} interrupted while running; records now wait for full buffers", getName());
            }
        } catch (RuntimeException e) {
            // the partition failed or was released under us; the task thread reports that
            LOG.debug("{} stops: {}", getName(), e.toString());
        }
    }

    /** Stops the thread and waits for it, so no flush runs after this returns. */
    void shutdown() throws InterruptedException {
        running = false;
        interrupt();
        join();
    }
}
