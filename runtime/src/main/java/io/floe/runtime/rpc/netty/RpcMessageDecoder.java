package io.floe.runtime.rpc.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Decodes one frame payload (length prefix already stripped) into an {@link RpcMessage}. Runs on
 * the connection's Netty thread; a payload that cannot be decoded raises a
 * {@link io.netty.handler.codec.CorruptedFrameException}, which the connection's handler answers by
 * closing the connection.
 */
@ChannelHandler.Sharable
final class RpcMessageDecoder extends MessageToMessageDecoder<ByteBuf> {

    private final RpcMessageCodec codec;

    RpcMessageDecoder(RpcMessageCodec codec) {
        this.codec = codec;
    }

    @Override
    protected void decode(ChannelHandlerContext context, ByteBuf payload, List<Object> out) {
        out.add(codec.decode(payload));
    }
}
