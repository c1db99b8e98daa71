package io.floe.runtime.network.netty;

import io.floe.runtime.network.InputChannelDescriptor;
import io.floe.runtime.network.RemoteInputChannel;
import io.floe.runtime.network.netty.NetworkMessage.AddCredit;
import io.floe.runtime.network.netty.NetworkMessage.CancelPartitionRequest;
import io.floe.runtime.network.netty.NetworkMessage.PartitionRequest;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one connection from this environment to another environment's data server, shared by all
 * {@link RemoteInputChannel}s reading from it; each channel is known by a receiver id unique on the
 * connection.
 *
 * <p>Thread-safe: task threads request and cancel and return credits, the connection's event loop
 * retries. Messages are written with {@link Channel#writeAndFlush}, which hops onto the event loop.
 * Write failures close the connection and so fail every channel through
 * {@link PartitionRequestClientHandler}.
 */
public final class PartitionRequestClient {

    private final InetSocketAddress address;
    private final ChannelFuture connectFuture;
    private final PartitionRequestClientHandler handler;
    private final AtomicInteger receiverIds = new AtomicInteger();

    PartitionRequestClient(
            InetSocketAddress address, ChannelFuture connectFuture, PartitionRequestClientHandler handler) {
        this.address = address;
        this.connectFuture = connectFuture;
        this.handler = handler;
    }

    public int nextReceiverId() {
        return receiverIds.incrementAndGet();
    }

    /** Registers the channel and sends its PartitionRequest once connected; does not block. */
    public void requestSubpartition(RemoteInputChannel channel) {
        handler.addReceiver(channel);
        connectFuture.addListener(connected -> {
            if (connected.isSuccess()) {
                sendPartitionRequest(channel);
            } else {
                handler.removeReceiver(channel.getReceiverId());
                Throwable cause = connected.cause();
                channel.onError(new IOException(
                        "Cannot connect to the data server at " + address + " for " + channel.descriptor() + ": "
                                + cause,
                        cause));
            }
        });
    }

    /** Sends the PartitionRequest again after {@code delayMillis}, unless the channel was cancelled. */
    public void retryRequest(RemoteInputChannel channel, long delayMillis) {
        channel()
                .eventLoop()
                .schedule(
                        () -> {
                            if (handler.hasReceiver(channel.getReceiverId())) {
                                sendPartitionRequest(channel);
                            }
                        },
                        delayMillis,
                        TimeUnit.MILLISECONDS);
    }

    public void sendAddCredit(int receiverId, int credit) {
        Channel channel = channel();
        channel.writeAndFlush(new AddCredit(receiverId, credit), channel.voidPromise());
    }

    /** Forgets the channel and tells the server to drop its reader. */
    public void cancelRequest(RemoteInputChannel channel) {
        if (handler.removeReceiver(channel.getReceiverId()) && connectFuture.isSuccess()) {
            Channel connection = channel();
            connection.writeAndFlush(new CancelPartitionRequest(channel.getReceiverId()), connection.voidPromise());
        }
    }

    InetSocketAddress getAddress() {
        return address;
    }

    ChannelFuture closeFuture() {
        return channel().closeFuture();
    }

    void close() {
        channel().close();
    }

    private void sendPartitionRequest(RemoteInputChannel channel) {
        InputChannelDescriptor descriptor = channel.descriptor();
        PartitionRequest request = new PartitionRequest(
                descriptor.partitionId(),
                descriptor.subpartitionIndex(),
                channel.getReceiverId(),
                channel.getInitialCredit());
        channel().writeAndFlush(request).addListener(sent -> {
            if (!sent.isSuccess()) {
                channel.onError(new IOException(
                        "Cannot send the request for " + descriptor + " to " + address + ": " + sent.cause(),
                        sent.cause()));
            }
        });
    }

    private Channel channel() {
        return connectFuture.channel();
    }
}
