package io.floe.runtime.network.netty;

import io.floe.runtime.network.NetworkMetrics;
import io.floe.runtime.network.RemoteInputChannel;
import io.floe.runtime.network.netty.NetworkMessage.BufferResponse;
import io.floe.runtime.network.netty.NetworkMessage.EndOfPartition;
import io.floe.runtime.network.netty.NetworkMessage.ErrorResponse;
import io.floe.runtime.network.netty.NetworkMessage.PartitionNotFound;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last inbound handler of a client connection: routes each server message to the
 * {@link RemoteInputChannel} its receiver id names, and fails every channel when the connection
 * breaks.
 *
 * <p>Runs on the connection's event loop; the receiver map is also changed by task threads.
 */
final class PartitionRequestClientHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionRequestClientHandler.class);

    private final InetSocketAddress remoteAddress;
    private final NetworkMetrics metrics;
    private final ConcurrentHashMap<Integer, RemoteInputChannel> receivers = new ConcurrentHashMap<>();
    private volatile IOException connectionFailure;

    PartitionRequestClientHandler(InetSocketAddress remoteAddress, NetworkMetrics metrics) {
        this.remoteAddress = remoteAddress;
        this.metrics = metrics;
    }

    void addReceiver(RemoteInputChannel channel) {
        receivers.put(channel.getReceiverId(), channel);
        IOException failed = connectionFailure;
        if (failed != null && receivers.remove(channel.getReceiverId()) != null) {
            channel.onError(failed);
        }
    }

    boolean removeReceiver(int receiverId) {
        return receivers.remove(receiverId) != null;
    }

    boolean hasReceiver(int receiverId) {
        return receivers.containsKey(receiverId);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof BufferResponse response) {
            RemoteInputChannel channel = receivers.get(response.receiverId);
            if (channel == null) {
                response.release(); // cancelled meanwhile
                return;
            }
            metrics.onRemoteBufferReceived(response.content().readableBytes());
            channel.onBuffer(response.content(), response.backlog);
        } else if (message instanceof EndOfPartition end) {
            RemoteInputChannel channel = receivers.remove(end.receiverId());
            if (channel != null) {
                channel.onEndOfPartition();
            }
        } else if (message instanceof PartitionNotFound notFound) {
            RemoteInputChannel channel = receivers.get(notFound.receiverId());
            if (channel != null) {
                channel.onPartitionNotFound();
            }
        } else if (message instanceof ErrorResponse error) {
            if (error.receiverId() == ErrorResponse.CONNECTION) {
                failAll(new IOException("Data server " + remoteAddress + " failed the connection: " + error.message()));
                ctx.close();
            } else {
                RemoteInputChannel channel = receivers.remove(error.receiverId());
                if (channel != null) {
                    channel.onError(new IOException(error.message() + " (reported by " + remoteAddress + ")"));
                }
            }
        } else {
            ReferenceCountUtil.release(message);
            LOG.warn(
                    "Unexpected message {} from data server {}",
                    message.getClass().getSimpleName(),
                    remoteAddress);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        failAll(new IOException("Connection to the data server at " + remoteAddress + " was closed"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("Connection to data server {} failed", remoteAddress, cause);
        failAll(new IOException("Connection to the data server at " + remoteAddress + " failed: " + cause, cause));
        ctx.close();
    }

    private void failAll(IOException cause) {
        connectionFailure = cause;
        for (Integer receiverId : new ArrayList<>(receivers.keySet())) {
            RemoteInputChannel channel = receivers.remove(receiverId);
            if (channel != null) {
                channel.onError(cause);
            }
        }
    }
}
