package io.floe.runtime.network.netty;

import io.floe.runtime.network.BufferAndBacklog;
import io.floe.runtime.network.BufferAvailabilityListener;
import io.floe.runtime.network.SubpartitionReader;
import java.io.IOException;

/**
 * Server-side state of one remote channel: its subpartition reader and the credit the consumer has
 * granted. A buffer is taken only against a credit; end-of-partition and failures need none.
 *
 * <p>Confined to the connection's event loop, except {@link #notifyDataAvailable()}, which the
 * producer calls and which only hops onto the event loop.
 */
public final class CreditBasedSubpartitionReader implements BufferAvailabilityListener {

    final int receiverId;
    private final PartitionRequestQueue queue;
    private SubpartitionReader reader;
    private int credit;

    /** Whether it sits in the queue's list of readers with something to send. */
    boolean queued;

    boolean released;

    CreditBasedSubpartitionReader(int receiverId, int initialCredit, PartitionRequestQueue queue) {
        this.receiverId = receiverId;
        this.credit = initialCredit;
        this.queue = queue;
    }

    void attach(SubpartitionReader subpartitionReader) {
        this.reader = subpartitionReader;
    }

    @Override
    public void notifyDataAvailable() {
        queue.notifyReaderNonEmpty(this);
    }

    void addCredit(int moreCredit) {
        credit += moreCredit;
    }

    boolean hasCredit() {
        return credit > 0;
    }

    boolean isAvailable() {
        return !released && reader.isAvailable(credit > 0);
    }

    /** The next buffer (consuming one credit) or end-of-partition; null if nothing may be sent. */
    BufferAndBacklog poll() throws IOException {
        BufferAndBacklog next = reader.poll(credit > 0);
        if (next != null && !next.isEndOfPartition()) {
            credit--;
        }
        return next;
    }

    void release() {
        released = true;
        reader.release();
    }
}
