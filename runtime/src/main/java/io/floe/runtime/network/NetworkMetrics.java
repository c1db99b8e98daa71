package io.floe.runtime.network;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one {@link NetworkEnvironment}'s remote traffic. Thread-safe; updated once per buffer,
 * never per record, so they cost nothing on the record path.
 */
public final class NetworkMetrics {

    private final LongAdder remoteBuffersReceived = new LongAdder();
    private final LongAdder remoteBytesReceived = new LongAdder();
    private final LongAdder remoteRecordsReceived = new LongAdder();
    private final LongAdder remoteBuffersSent = new LongAdder();
    private final LongAdder remoteBytesSent = new LongAdder();

    /** Data buffers that arrived from other environments. */
    public long getRemoteBuffersReceived() {
        return remoteBuffersReceived.sum();
    }

    /** Payload bytes of {@link #getRemoteBuffersReceived()} (framing not counted). */
    public long getRemoteBytesReceived() {
        return remoteBytesReceived.sum();
    }

    /** Records read by consumers out of remote buffers; counted when a buffer has been read. */
    public long getRemoteRecordsReceived() {
        return remoteRecordsReceived.sum();
    }

    /** Data buffers handed to the socket for consumers in other environments. */
    public long getRemoteBuffersSent() {
        return remoteBuffersSent.sum();
    }

    /** Payload bytes of {@link #getRemoteBuffersSent()}. */
    public long getRemoteBytesSent() {
        return remoteBytesSent.sum();
    }

    public void onRemoteBufferReceived(int bytes) {
        remoteBuffersReceived.increment();
        remoteBytesReceived.add(bytes);
    }

    void onRemoteRecordsRead(int records) {
        remoteRecordsReceived.add(records);
    }

    public void onRemoteBufferSent(int bytes) {
        remoteBuffersSent.increment();
        remoteBytesSent.add(bytes);
    }

    @Override
    public String toString() {
        return "NetworkMetrics{received=" + getRemoteBuffersReceived() + " buffers/" + getRemoteBytesReceived()
                + " bytes/" + getRemoteRecordsReceived() + " records, sent=" + getRemoteBuffersSent()
                + " buffers/" + getRemoteBytesSent() + " bytes}";
    }
}
