package io.floe.runtime.rest;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request head (request line and headers) takes longer than the timeout
 * from its first byte: a client that trickles its headers ("slowloris") never falls idle, yet
 * holds a connection. Sits before the HTTP codec, so it sees bytes; the {@link RestRequestReader}
 * tells it when a head was complete and when its request ended. Bodies are not timed: a large
 * upload may take long, and the idleness timeout still ends one that stalls.
 *
 * <p>Threading: one instance per connection, confined to its event loop.
 */
final class RequestHeadDeadline extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestHeadDeadline.class);

    private final long timeoutMillis;
    private ScheduledFuture<?> deadline;
    /** Between a complete head and the end of its request: body bytes, not timed. */
    private boolean inBody;

    RequestHeadDeadline(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!inBody && deadline == null && msg instanceof ByteBuf bytes && bytes.isReadable()) {
            deadline = ctx.executor()
                    .schedule(
                            () -> {
                                LOG.debug(
                                        "Closing the REST connection from {}: no complete request head within {} ms "
                                                + "(rest.idleness-timeout)",
                                        ctx.channel().remoteAddress(),
                                        timeoutMillis);
                                ctx.close();
                            },
                            timeoutMillis,
                            TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    /** The head of the current request arrived; its body is not timed. */
    void headReceived() {
        cancel();
        inBody = true;
    }

    /** The request ended: the next byte starts the next head's clock. */
    void requestEnded() {
        inBody = false;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
