package io.floe.runtime.rpc.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of an RPC connection; receives decoded {@link RpcMessage}s on the connection's
 * Netty thread. Whatever the peer sends that does not follow the protocol (bad length, oversized
 * frame, unparsable JSON, unknown or misdirected message, arguments of the wrong type) closes this
 * connection only, logged once at WARN with the remote address; nothing else is affected.
 */
abstract class RpcChannelHandler extends SimpleChannelInboundHandler<RpcMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(RpcChannelHandler.class);

    /** Set once the connection is being closed for a protocol violation; later input is ignored. */
    private boolean refused;

    @Override
    protected final void channelRead0(ChannelHandlerContext context, RpcMessage message) {
        if (!refused) {
            onMessage(context, message);
        }
    }

    /** Handles one message from the peer; runs on the connection's Netty thread. */
    protected abstract void onMessage(ChannelHandlerContext context, RpcMessage message);

    /** Closes the connection because the peer broke the protocol; logs at WARN once. */
    protected final void refuse(ChannelHandlerContext context, String reason) {
        if (!refused) {
            refused = true;
            LOG.warn("Closing RPC connection with {}: {}", context.channel().remoteAddress(), reason);
        }
        context.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof DecoderException) {
            refuse(context, "malformed frame (" + cause.getMessage() + ")");
        } else if (cause instanceof IOException) {
            LOG.debug(
                    "RPC connection with {} failed; closing it",
                    context.channel().remoteAddress(),
                    cause);
            context.close();
        } else {
            LOG.warn(
                    "Unexpected failure on RPC connection with {}; closing it",
                    context.channel().remoteAddress(),
                    cause);
            context.close();
        }
    }
}
