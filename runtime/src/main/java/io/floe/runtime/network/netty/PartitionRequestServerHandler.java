package io.floe.runtime.network.netty;

import io.floe.runtime.network.NetworkMetrics;
import io.floe.runtime.network.ResultPartitionManager;
import io.floe.runtime.network.SubpartitionReader;
import io.floe.runtime.network.netty.NetworkMessage.AddCredit;
import io.floe.runtime.network.netty.NetworkMessage.CancelPartitionRequest;
import io.floe.runtime.network.netty.NetworkMessage.ErrorResponse;
import io.floe.runtime.network.netty.NetworkMessage.PartitionNotFound;
import io.floe.runtime.network.netty.NetworkMessage.PartitionRequest;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last inbound handler of a data server connection: serves PartitionRequest, AddCredit and
 * CancelPartitionRequest by driving the connection's {@link PartitionRequestQueue}. A request for a
 * partition that is not registered is answered with PartitionNotFound, and the client retries.
 *
 * <p>One instance per connection, confined to its event loop.
 */
final class PartitionRequestServerHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionRequestServerHandler.class);

    private final ResultPartitionManager partitions;
    private final NetworkMetrics metrics;
    private PartitionRequestQueue queue;

    PartitionRequestServerHandler(ResultPartitionManager partitions, NetworkMetrics metrics) {
        this.partitions = partitions;
        this.metrics = metrics;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        queue = new PartitionRequestQueue(ctx, metrics);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof AddCredit credit) {
            queue.addCredit(credit.receiverId(), credit.credit());
        } else if (message instanceof PartitionRequest request) {
            onPartitionRequest(ctx, request);
        } else if (message instanceof CancelPartitionRequest cancel) {
            queue.cancel(cancel.receiverId());
        } else {
            ReferenceCountUtil.release(message);
            ctx.writeAndFlush(new ErrorResponse(
                    ErrorResponse.CONNECTION,
                    "Unexpected message " + message.getClass().getSimpleName() + " at the data server"));
            ctx.close();
        }
    }

    private void onPartitionRequest(ChannelHandlerContext ctx, PartitionRequest request) {
        CreditBasedSubpartitionReader reader =
                new CreditBasedSubpartitionReader(request.receiverId(), request.credit(), queue);
        SubpartitionReader subpartitionReader;
        try {
            subpartitionReader = partitions.createReader(request.partitionId(), request.subpartition(), reader);
        } catch (RuntimeException e) {
            ctx.writeAndFlush(new ErrorResponse(
                    request.receiverId(),
                    "Cannot serve subpartition " + request.subpartition() + " of partition " + request.partitionId()
                            + ": " + e.getMessage()));
            return;
        }
        if (subpartitionReader == null) {
            LOG.debug(
                    "Partition {} requested by {} is not registered (yet)",
                    request.partitionId(),
                    ctx.channel().remoteAddress());
            ctx.writeAndFlush(new PartitionNotFound(request.receiverId()));
            return;
        }
        LOG.debug(
                "Serving subpartition {} of {} to {} as receiver {}",
                request.subpartition(),
                request.partitionId(),
                ctx.channel().remoteAddress(),
                request.receiverId());
        reader.attach(subpartitionReader);
        queue.register(reader);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            queue.writeAvailable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        queue.releaseAll();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn(
                "Data connection from {} failed; dropping its readers",
                ctx.channel().remoteAddress(),
                cause);
        queue.releaseAll();
        ctx.close();
    }
}
