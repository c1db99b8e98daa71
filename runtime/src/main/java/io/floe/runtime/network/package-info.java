/**
 * The data plane: moves records from producing to consuming subtasks, within a process or across
 * processes, with bounded memory and backpressure.
 *
 * <h2>Producer side</h2>
 * A task writes through its {@link io.floe.runtime.network.RecordWriter} into a
 * {@link io.floe.runtime.network.ResultPartition}, which has one {@code PipelinedSubpartition} per
 * consumer. Records are serialized straight into the subpartition's open pooled buffer
 * ({@code BufferBuilder}); full (or flushed, see {@code OutputFlusher}) buffers are queued on the
 * subpartition, whose bounded queue blocks the writer when the consumer falls behind.
 *
 * <h2>Consumer side</h2>
 * An {@link io.floe.runtime.network.InputGate} has one channel per producer subpartition. A
 * {@code LocalInputChannel} takes buffers straight out of a subpartition of the same
 * {@link io.floe.runtime.network.NetworkEnvironment}. A {@code RemoteInputChannel} receives them over
 * the single TCP connection this environment keeps to the producer's environment.
 *
 * <h2>Wire protocol and flow control</h2>
 * The TCP side lives in {@link io.floe.runtime.network.netty}: {@code PartitionRequestClient} sends
 * PartitionRequest with initial credit; the server's
 * {@code PartitionRequestServerHandler} attaches a {@code CreditBasedSubpartitionReader}, and its
 * {@code PartitionRequestQueue} sends one buffer per credit with the backlog piggybacked. The
 * consumer returns a credit (AddCredit) for every buffer it has read. PartitionNotFound makes the
 * client retry with exponential backoff ({@code PartitionRequestBackoff}); end-of-partition and
 * failures travel as messages. Frames are defined by {@code NetworkMessageCodec}.
 *
 * <h2>Threads</h2>
 * Producing and consuming task threads; one Netty boss and a few workers ({@code floe-data-*}) per
 * environment, each connection owned by one worker; an optional flusher thread per writer. Per
 * record the writer takes one uncontended monitor and the reader none; everything else happens once
 * per buffer.
 */
package io.floe.runtime.network;
