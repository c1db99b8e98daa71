package io.floe.runtime.network;

import io.floe.runtime.network.netty.CreditBasedSubpartitionReader;
import java.io.IOException;

/**
 * The read side of one {@link PipelinedSubpartition}, held by a {@link LocalInputChannel} (consumer
 * thread) or a {@link CreditBasedSubpartitionReader} (Netty event loop). Not thread-safe beyond
 * what the subpartition's monitor gives: one thread reads at a time.
 */
public final class SubpartitionReader {

    private final PipelinedSubpartition subpartition;

    SubpartitionReader(PipelinedSubpartition subpartition) {
        this.subpartition = subpartition;
    }

    /** See {@link PipelinedSubpartition#poll}. Throws when the producer failed or released it. */
    public BufferAndBacklog poll(boolean allowBuffer) throws IOException {
        return subpartition.poll(allowBuffer);
    }

    public boolean isAvailable(boolean allowBuffer) {
        return subpartition.isAvailable(allowBuffer);
    }

    /** Stops notifications; queued buffers stay with the subpartition until the partition is released. */
    public void release() {
        subpartition.detachReader();
    }

    @Override
    public String toString() {
        return "reader of " + subpartition;
    }
}
