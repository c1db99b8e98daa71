package io.floe.runtime.rpc.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the pipeline of every RPC connection, server and client side alike:
 *
 * <pre>
 * inbound:  [authenticator: cluster-secret challenge, removed once passed] -> frameDecoder (4-byte length, max frame
 * size) -> messageDecoder -> handler
 *   outbound: handler writes payload ByteBufs -> framePrepender adds the 4-byte length
 * </pre>
 *
 * The connection is added to the service's channel group so that closing the service closes it.
 */
final class RpcChannelInitializer extends ChannelInitializer<SocketChannel> {

    static final int LENGTH_FIELD_BYTES = 4;
    static final String AUTHENTICATOR = "authenticator";

    private final int maxFrameSizeBytes;
    private final RpcMessageDecoder messageDecoder;
    private final ChannelGroup channels;
    private final Function<Channel, RpcChannelHandler> handlerFactory;
    private final Supplier<ChannelHandler> authenticatorFactory;

    /**
     * @param authenticatorFactory the cluster-secret challenge to put first in the pipeline
     *     (server or client side), or null for none; it removes itself once the peer is proven
     */
    RpcChannelInitializer(
            int maxFrameSizeBytes,
            RpcMessageCodec codec,
            ChannelGroup channels,
            Function<Channel, RpcChannelHandler> handlerFactory,
            Supplier<ChannelHandler> authenticatorFactory) {
        this.maxFrameSizeBytes = maxFrameSizeBytes;
        this.messageDecoder = new RpcMessageDecoder(codec);
        this.channels = channels;
        this.handlerFactory = handlerFactory;
        this.authenticatorFactory = authenticatorFactory;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channels.add(channel);
        if (authenticatorFactory != null) {
            channel.pipeline().addLast(AUTHENTICATOR, authenticatorFactory.get());
        }
        channel.pipeline()
                .addLast(
                        "frameDecoder",
                        new LengthFieldBasedFrameDecoder(
                                maxFrameSizeBytes, 0, LENGTH_FIELD_BYTES, 0, LENGTH_FIELD_BYTES))
                .addLast("framePrepender", new LengthFieldPrepender(LENGTH_FIELD_BYTES))
                .addLast("messageDecoder", messageDecoder)
                .addLast("handler", handlerFactory.apply(channel));
    }
}
