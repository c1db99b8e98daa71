/**
 * Record serialization for the data plane: {@link io.floe.runtime.network.serialization.RecordSerializer}
 * writes records straight into pooled Netty buffers, with no intermediate copy.
 *
 * <p>Serializers run on the task threads (the producer serializes, the consumer deserializes) and
 * hold no per-record state; collaborators are the record writer and the input gate of
 * {@code io.floe.runtime.network}.
 */
package io.floe.runtime.network.serialization;
