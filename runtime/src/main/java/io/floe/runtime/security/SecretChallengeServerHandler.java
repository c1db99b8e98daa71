package io.floe.runtime.security;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a connecting client prove that it holds the cluster secret before the rest of the
 * pipeline sees any of its bytes.
 *
 * <p>Add it first in the pipeline of every accepted channel (one instance per channel). When the
 * channel is active it sends the challenge (magic + random 32-byte nonce) and waits for the
 * 32-byte answer HMAC-SHA256(secret, nonce). A correct answer is acknowledged with one byte; the
 * handler then fires {@link ChannelAuthenticatedEvent}, removes itself and passes on any bytes
 * that followed the answer. A wrong answer, anything else the client sends first, a close before
 * answering or no answer within the timeout makes it refuse: it reports the refusal to the shared
 * {@link RefusedConnectionLog} and closes the connection. Handlers behind it should not write
 * before they have seen the event.
 *
 * <p>Runs on the channel's event loop only.
 */
public final class SecretChallengeServerHandler extends ByteToMessageDecoder {
    /** How long a client may take to answer, unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    // thread-safe; one for all handlers, because seeding a new one per connection is costly
    private static final SecureRandom NONCES = new SecureRandom();

    private final ClusterSecret secret;
    private final Duration timeout;
    private final RefusedConnectionLog refusals;

    private byte[] nonce;
    private ScheduledFuture<?> timeoutTask;
    private boolean finished;

    public SecretChallengeServerHandler(ClusterSecret secret, RefusedConnectionLog refusals) {
        this(secret, DEFAULT_TIMEOUT, refusals);
    }

    public SecretChallengeServerHandler(ClusterSecret secret, Duration timeout, RefusedConnectionLog refusals) {
        if (secret == null || refusals == null) {
            throw new IllegalArgumentException("The secret and the refusal log must not be null.");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The challenge timeout must be positive, not " + timeout + ".");
        }
        this.secret = secret;
        this.timeout = timeout;
        this.refusals = refusals;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            sendChallenge(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        sendChallenge(ctx);
        super.channelActive(ctx);
    }

    private void sendChallenge(ChannelHandlerContext ctx) {
        if (nonce != null) {
            return;
        }
        nonce = new byte[SecretChallengeProtocol.NONCE_LENGTH];
        NONCES.nextBytes(nonce);
        ByteBuf challenge = ctx.alloc().buffer(SecretChallengeProtocol.CHALLENGE_LENGTH);
        challenge.writeInt(SecretChallengeProtocol.MAGIC).writeBytes(nonce);
        ctx.writeAndFlush(challenge);
        timeoutTask = ctx.executor()
                .schedule(
                        () -> refuse(ctx, "no answer to the authentication challenge within " + timeout),
                        timeout.toNanos(),
                        TimeUnit.NANOSECONDS);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (finished) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < SecretChallengeProtocol.ANSWER_LENGTH) {
            return;
        }
        byte[] answer = new byte[SecretChallengeProtocol.ANSWER_LENGTH];
        in.readBytes(answer);
        if (!secret.isValidAnswer(nonce, answer)) {
            in.skipBytes(in.readableBytes());
            refuse(ctx, "wrong answer to the authentication challenge");
            return;
        }
        finished = true;
        timeoutTask.cancel(false);
        ctx.writeAndFlush(ctx.alloc().buffer(1).writeByte(SecretChallengeProtocol.ACCEPTED));
        ctx.fireUserEventTriggered(ChannelAuthenticatedEvent.INSTANCE);
        // ByteToMessageDecoder hands the bytes after the answer to the next handler on removal
        ctx.pipeline().remove(this);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!finished) {
            refuse(ctx, "closed the connection without answering the authentication challenge");
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (finished) {
            ctx.fireExceptionCaught(cause);
        } else {
            refuse(ctx, "connection failed during authentication: " + cause);
        }
    }

    private void refuse(ChannelHandlerContext ctx, String reason) {
        if (finished) {
            return;
        }
        finished = true;
        if (timeoutTask != null) {
            timeoutTask.cancel(false);
        }
        refusals.refused(ctx.channel().remoteAddress(), reason);
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(ctx.alloc().buffer(1).writeByte(SecretChallengeProtocol.REFUSED))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }
}
