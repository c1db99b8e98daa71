package io.floe.runtime.network.netty;

import io.floe.runtime.network.BufferAndBacklog;
import io.floe.runtime.network.NetworkMetrics;
import io.floe.runtime.network.netty.NetworkMessage.BufferResponse;
import io.floe.runtime.network.netty.NetworkMessage.EndOfPartition;
import io.floe.runtime.network.netty.NetworkMessage.ErrorResponse;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the data of all remote channels served over one connection: keeps the readers that have
 * something to send (data plus credit, or end-of-partition, or a failure) in a FIFO and writes from
 * them round-robin while the channel is writable, flushing once per round.
 *
 * <p>Confined to the connection's event loop; {@link #notifyReaderNonEmpty} may be called from any
 * thread and hops onto it.
 */
final class PartitionRequestQueue {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionRequestQueue.class);

    private final ChannelHandlerContext ctx;
    private final NetworkMetrics metrics;
    private final Map<Integer, CreditBasedSubpartitionReader> readers = new HashMap<>();
    private final ArrayDeque<CreditBasedSubpartitionReader> available = new ArrayDeque<>();

    PartitionRequestQueue(ChannelHandlerContext ctx, NetworkMetrics metrics) {
        this.ctx = ctx;
        this.metrics = metrics;
    }

    /** Producer side: the reader's subpartition got data, finished or failed. */
    void notifyReaderNonEmpty(CreditBasedSubpartitionReader reader) {
        if (ctx.executor().inEventLoop()) {
            enqueueIfAvailable(reader);
            return;
        }
        try {
            ctx.executor().execute(() -> enqueueIfAvailable(reader));
        } catch (RejectedExecutionException e) {
            // the environment is shutting down and the connection with it; nobody to send to
            LOG.debug("Dropped data notification for receiver {}: event loop shut down", reader.receiverId);
        }
    }

    void register(CreditBasedSubpartitionReader reader) {
        CreditBasedSubpartitionReader previous = readers.put(reader.receiverId, reader);
        if (previous != null) {
            previous.release();
        }
        enqueueIfAvailable(reader);
    }

    void addCredit(int receiverId, int credit) {
        CreditBasedSubpartitionReader reader = readers.get(receiverId);
        if (reader != null) {
            reader.addCredit(credit);
            enqueueIfAvailable(reader);
        }
    }

    void cancel(int receiverId) {
        CreditBasedSubpartitionReader reader = readers.remove(receiverId);
        if (reader != null) {
            reader.release();
        }
    }

    void releaseAll() {
        for (CreditBasedSubpartitionReader reader : readers.values()) {
            reader.release();
        }
        readers.clear();
        available.clear();
    }

    /** Writes as much as the channel takes; called again when it becomes writable. */
    void writeAvailable() {
        Channel channel = ctx.channel();
        boolean wrote = false;
        while (channel.isWritable()) {
            CreditBasedSubpartitionReader reader = available.poll();
            if (reader == null) {
                break;
            }
            reader.queued = false;
            if (reader.released) {
                continue;
            }
            wrote |= writeNext(reader);
        }
        if (wrote) {
            ctx.flush();
        }
    }

    private boolean writeNext(CreditBasedSubpartitionReader reader) {
        BufferAndBacklog next;
        try {
            next = reader.poll();
        } catch (IOException failure) {
            LOG.debug(
                    "Sending failure of receiver {} to {}: {}",
                    reader.receiverId,
                    ctx.channel().remoteAddress(),
                    failure.getMessage());
            ctx.write(new ErrorResponse(reader.receiverId, failure.getMessage()), ctx.voidPromise());
            cancel(reader.receiverId);
            return true;
        }
        if (next == null) {
            return false;
        }
        if (next.isEndOfPartition()) {
            ctx.write(new EndOfPartition(reader.receiverId), ctx.voidPromise());
            cancel(reader.receiverId);
            return true;
        }
        metrics.onRemoteBufferSent(next.buffer().readableBytes());
        ctx.write(new BufferResponse(reader.receiverId, next.backlog(), next.buffer()), ctx.voidPromise());
        // data needs credit; end-of-partition or a failure behind it does not
        boolean sendAgain = next.backlog() > 0 ? reader.hasCredit() : next.moreAvailable();
        if (sendAgain) {
            reader.queued = true;
            available.add(reader);
        }
        return true;
    }

    private void enqueueIfAvailable(CreditBasedSubpartitionReader reader) {
        if (reader.queued || !reader.isAvailable()) {
            return;
        }
        reader.queued = true;
        available.add(reader);
        writeAvailable();
    }
}
