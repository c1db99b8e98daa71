package io.floe.runtime.security;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Answers a server's {@link SecretChallengeServerHandler} challenge with this process's cluster
 * secret.
 *
 * <p>Add it first in the pipeline of a client channel (one instance per channel) and send
 * nothing until {@link #authenticated()} completes. On acceptance the handler completes that
 * future, fires {@link ChannelAuthenticatedEvent} and removes itself. It fails the future with a
 * {@link ClusterAuthenticationException} and closes the channel when the server refuses the
 * answer, does not open with a challenge (it runs without a secret), closes the connection, or
 * stays silent beyond the timeout.
 *
 * <p>Runs on the channel's event loop; {@link #authenticated()} may be called from any thread,
 * and its dependent actions run on the event loop.
 */
public final class SecretChallengeClientHandler extends ByteToMessageDecoder {
    /** How long to wait for the challenge and the verdict, unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private enum State {
        AWAITING_CHALLENGE,
        AWAITING_VERDICT,
        DONE
    }

    private final ClusterSecret secret;
    private final Duration timeout;
    private final CompletableFuture<Void> authenticated = new CompletableFuture<>();

    private State state = State.AWAITING_CHALLENGE;
    private ScheduledFuture<?> timeoutTask;

    public SecretChallengeClientHandler(ClusterSecret secret) {
        this(secret, DEFAULT_TIMEOUT);
    }

    public SecretChallengeClientHandler(ClusterSecret secret, Duration timeout) {
        if (secret == null) {
            throw new IllegalArgumentException("The cluster secret must not be null.");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The challenge timeout must be positive, not " + timeout + ".");
        }
        this.secret = secret;
        this.timeout = timeout;
    }

    /** Completes when the server has accepted this client; fails with a {@link ClusterAuthenticationException}. */
    public CompletableFuture<Void> authenticated() {
        return authenticated;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            startTimeout(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        startTimeout(ctx);
        super.channelActive(ctx);
    }

    private void startTimeout(ChannelHandlerContext ctx) {
        if (timeoutTask == null) {
            timeoutTask = ctx.executor()
                    .schedule(
                            () -> fail(
                                    ctx,
                                    "The server at " + ctx.channel().remoteAddress()
                                            + " did not complete the authentication challenge within " + timeout + "."),
                            timeout.toNanos(),
                            TimeUnit.NANOSECONDS);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (state == State.AWAITING_CHALLENGE && in.readableBytes() >= SecretChallengeProtocol.CHALLENGE_LENGTH) {
            if (in.readInt() != SecretChallengeProtocol.MAGIC) {
                in.skipBytes(in.readableBytes());
                fail(
                        ctx,
                        "The server at " + ctx.channel().remoteAddress()
                                + " did not open with an authentication challenge; it probably runs without a cluster "
                                + "secret.");
                return;
            }
            byte[] nonce = new byte[SecretChallengeProtocol.NONCE_LENGTH];
            in.readBytes(nonce);
            ctx.writeAndFlush(
                    ctx.alloc().buffer(SecretChallengeProtocol.ANSWER_LENGTH).writeBytes(secret.hmac(nonce)));
            state = State.AWAITING_VERDICT;
        }
        if (state == State.AWAITING_VERDICT && in.isReadable()) {
            if (in.readByte() != SecretChallengeProtocol.ACCEPTED) {
                in.skipBytes(in.readableBytes());
                fail(
                        ctx,
                        "The server at " + ctx.channel().remoteAddress()
                                + " refused this process's cluster secret; both sides must use the same secret.");
                return;
            }
            state = State.DONE;
            timeoutTask.cancel(false);
            ctx.fireUserEventTriggered(ChannelAuthenticatedEvent.INSTANCE);
            ctx.pipeline().remove(this);
            authenticated.complete(null);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (state != State.DONE) {
            fail(
                    ctx,
                    "The server at " + ctx.channel().remoteAddress() + " closed the connection during authentication.");
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (state == State.DONE) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        ClusterAuthenticationException failure = new ClusterAuthenticationException(
                "Authentication with " + ctx.channel().remoteAddress() + " failed: " + cause);
        failure.initCause(cause);
        failWith(ctx, failure);
    }

    private void fail(ChannelHandlerContext ctx, String message) {
        failWith(ctx, new ClusterAuthenticationException(message));
    }

    private void failWith(ChannelHandlerContext ctx, ClusterAuthenticationException failure) {
        if (state == State.DONE) {
            return;
        }
        state = State.DONE;
        if (timeoutTask != null) {
            timeoutTask.cancel(false);
        }
        authenticated.completeExceptionally(failure);
        ctx.close();
    }
}
