package io.floe.runtime.rpc;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import java.util.function.Function;

/**
 * Builds the pipeline of every RPC connection, server and client side alike:
 *
 * <pre>
 *   inbound:  frameDecoder (4-byte length, max frame size) -> messageDecoder -> handler
 *   outbound: handler writes payload ByteBufs -> framePrepender adds the 4-byte length
 * </pre>
 *
 * The connection is added to the service's channel group so that closing the service closes it.
 */
final class RpcChannelInitializer extends ChannelInitializer<SocketChannel> {

    static final int LENGTH_FIELD_BYTES = 4;

    private final int maxFrameSizeBytes;
    private final RpcMessageDecoder messageDecoder;
    private final ChannelGroup channels;
    private final Function<Channel, RpcChannelHandler> handlerFactory;

    RpcChannelInitializer(
            int maxFrameSizeBytes,
            RpcMessageCodec codec,
            ChannelGroup channels,
            Function<Channel, RpcChannelHandler> handlerFactory) {
        this.maxFrameSizeBytes = maxFrameSizeBytes;
        this.messageDecoder = new RpcMessageDecoder(codec);
        this.channels = channels;
        this.handlerFactory = handlerFactory;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channels.add(channel);
        channel.pipeline()
                .addLast("frameDecoder", new LengthFieldBasedFrameDecoder(
                        maxFrameSizeBytes, 0, LENGTH_FIELD_BYTES, 0, LENGTH_FIELD_BYTES))
                .addLast("framePrepender", new LengthFieldPrepender(LENGTH_FIELD_BYTES))
                .addLast("messageDecoder", messageDecoder)
                .addLast("handler", handlerFactory.apply(channel));
    }
}
