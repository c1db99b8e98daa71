package io.floe.runtime.network;

/**
 * Told by a {@link PipelinedSubpartition} that its reader may find something new: a buffer after
 * the queue was empty, end-of-partition, or a failure.
 *
 * <p>Called on the producer's thread (or the flusher's, or whichever thread fails or releases the
 * partition), never under the subpartition's lock. Must not block: implementations only queue the
 * reader somewhere. Spurious calls are allowed, and readers poll until they get nothing.
 */
public interface BufferAvailabilityListener {

    void notifyDataAvailable();
}
