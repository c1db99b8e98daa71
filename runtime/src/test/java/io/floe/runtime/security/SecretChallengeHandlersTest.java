package io.floe.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Both handlers in real pipelines, without sockets. */
class SecretChallengeHandlersTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final byte[] secretBytes = randomBytes(32);
    private final ClusterSecret secret = ClusterSecret.of(secretBytes);
    private final RefusedConnectionLog refusals = new RefusedConnectionLog("test server");

    @Test
    void serverAcceptsTheRightAnswerThenStartsThePipelineAndPassesOnWhatFollowed() {
        Recorder next = new Recorder();
        EmbeddedChannel channel =
                new EmbeddedChannel(new SecretChallengeServerHandler(secret, TIMEOUT, refusals), next);
        byte[] nonce = readChallenge(channel);

        channel.writeInbound(Unpooled.buffer().writeBytes(secret.hmac(nonce)).writeBytes(ascii("request")));

        assertEquals(SecretChallengeProtocol.ACCEPTED, readByte(channel));
        assertEquals(List.of(ChannelAuthenticatedEvent.INSTANCE), next.events);
        assertEquals("request", next.text());
        assertNull(channel.pipeline().get(SecretChallengeServerHandler.class));
        assertTrue(channel.isOpen());
        assertEquals(0, refusals.refusedCount());
        channel.finishAndReleaseAll();
    }

    @Test
    void serverWaitsForTheWholeAnswer() {
        Recorder next = new Recorder();
        EmbeddedChannel channel =
                new EmbeddedChannel(new SecretChallengeServerHandler(secret, TIMEOUT, refusals), next);
        byte[] answer = secret.hmac(readChallenge(channel));

        channel.writeInbound(Unpooled.wrappedBuffer(answer, 0, 10));
        assertTrue(next.events.isEmpty());
        channel.writeInbound(Unpooled.wrappedBuffer(answer, 10, 22));

        assertEquals(List.of(ChannelAuthenticatedEvent.INSTANCE), next.events);
        assertEquals(SecretChallengeProtocol.ACCEPTED, readByte(channel));
        channel.finishAndReleaseAll();
    }

    @Test
    void serverRefusesAWrongAnswerAndPassesNothingOn() {
        Recorder next = new Recorder();
        EmbeddedChannel channel =
                new EmbeddedChannel(new SecretChallengeServerHandler(secret, TIMEOUT, refusals), next);
        byte[] nonce = readChallenge(channel);

        channel.writeInbound(Unpooled.wrappedBuffer(ClusterSecret.generate().hmac(nonce)));

        assertEquals(SecretChallengeProtocol.REFUSED, readByte(channel));
        assertFalse(channel.isOpen());
        assertTrue(next.events.isEmpty());
        assertEquals("", next.text());
        assertEquals(1, refusals.refusedCount());
        channel.finishAndReleaseAll();
    }

    @Test
    void serverRefusesAClientThatSpeaksTheServiceProtocolFirst() {
        Recorder next = new Recorder();
        EmbeddedChannel channel =
                new EmbeddedChannel(new SecretChallengeServerHandler(secret, TIMEOUT, refusals), next);
        readChallenge(channel);

        channel.writeInbound(Unpooled.wrappedBuffer(ascii("GET /blob/p-0123456789abcdef HTTP/1.1\r\n\r\n")));

        assertFalse(channel.isOpen());
        assertEquals("", next.text());
        assertEquals(1, refusals.refusedCount());
        channel.finishAndReleaseAll();
    }

    @Test
    void serverRefusesAClientThatDoesNotAnswerInTime() {
        EmbeddedChannel channel = new EmbeddedChannel(new SecretChallengeServerHandler(secret, TIMEOUT, refusals));
        channel.freezeTime();
        readChallenge(channel);

        channel.advanceTimeBy(TIMEOUT.toMillis() - 1000, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertTrue(channel.isOpen());
        channel.advanceTimeBy(1001, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();

        assertFalse(channel.isOpen());
        assertEquals(1, refusals.refusedCount());
        channel.finishAndReleaseAll();
    }

    @Test
    void clientAnswersTheChallengeAndCompletesWhenAccepted() {
        Recorder next = new Recorder();
        SecretChallengeClientHandler handler = new SecretChallengeClientHandler(secret, TIMEOUT);
        EmbeddedChannel channel = new EmbeddedChannel(handler, next);
        byte[] nonce = ascii("0123456789abcdef0123456789abcdef");

        channel.writeInbound(
                Unpooled.buffer().writeInt(SecretChallengeProtocol.MAGIC).writeBytes(nonce));
        ByteBuf answer = channel.readOutbound();
        byte[] answerBytes = new byte[answer.readableBytes()];
        answer.readBytes(answerBytes).release();
        assertTrue(secret.isValidAnswer(nonce, answerBytes));
        assertFalse(handler.authenticated().isDone());

        channel.writeInbound(
                Unpooled.buffer().writeByte(SecretChallengeProtocol.ACCEPTED).writeBytes(ascii("reply")));

        assertTrue(handler.authenticated().isDone());
        assertFalse(handler.authenticated().isCompletedExceptionally());
        assertEquals(List.of(ChannelAuthenticatedEvent.INSTANCE), next.events);
        assertEquals("reply", next.text());
        assertNull(channel.pipeline().get(SecretChallengeClientHandler.class));
        channel.finishAndReleaseAll();
    }

    @Test
    void clientFailsClearlyWhenTheServerRunsWithoutASecret() {
        SecretChallengeClientHandler handler = new SecretChallengeClientHandler(secret, TIMEOUT);
        EmbeddedChannel channel = new EmbeddedChannel(handler);

        channel.writeInbound(Unpooled.wrappedBuffer(new byte[SecretChallengeProtocol.CHALLENGE_LENGTH]));

        ClusterAuthenticationException failure = failureOf(handler);
        assertTrue(failure.getMessage().contains("without a cluster secret"), failure.getMessage());
        assertFalse(channel.isOpen());
        channel.finishAndReleaseAll();
    }

    @Test
    void clientFailsWhenTheServerStaysSilent() {
        SecretChallengeClientHandler handler = new SecretChallengeClientHandler(secret, TIMEOUT);
        EmbeddedChannel channel = new EmbeddedChannel(handler);

        channel.advanceTimeBy(TIMEOUT.toMillis() + 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();

        assertTrue(failureOf(handler).getMessage().contains("did not complete the authentication"));
        assertFalse(channel.isOpen());
        channel.finishAndReleaseAll();
    }

    @Test
    void clientAndServerWithTheSameSecretAuthenticate() {
        Recorder serverNext = new Recorder();
        EmbeddedChannel server =
                new EmbeddedChannel(new SecretChallengeServerHandler(secret, TIMEOUT, refusals), serverNext);
        SecretChallengeClientHandler clientHandler =
                new SecretChallengeClientHandler(ClusterSecret.of(secretBytes), TIMEOUT);
        EmbeddedChannel client = new EmbeddedChannel(clientHandler);

        shuttle(server, client);

        assertTrue(clientHandler.authenticated().isDone());
        assertFalse(clientHandler.authenticated().isCompletedExceptionally());
        assertEquals(List.of(ChannelAuthenticatedEvent.INSTANCE), serverNext.events);
        server.finishAndReleaseAll();
        client.finishAndReleaseAll();
    }

    @Test
    void clientWithAnotherSecretIsRefused() {
        EmbeddedChannel server = new EmbeddedChannel(new SecretChallengeServerHandler(secret, TIMEOUT, refusals));
        SecretChallengeClientHandler clientHandler =
                new SecretChallengeClientHandler(ClusterSecret.generate(), TIMEOUT);
        EmbeddedChannel client = new EmbeddedChannel(clientHandler);

        shuttle(server, client);

        assertTrue(failureOf(clientHandler).getMessage().contains("refused this process's cluster secret"));
        assertFalse(server.isOpen());
        assertEquals(1, refusals.refusedCount());
        server.finishAndReleaseAll();
        client.finishAndReleaseAll();
    }

    /** Moves bytes both ways until neither side has anything to send. */
    private static void shuttle(EmbeddedChannel server, EmbeddedChannel client) {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Object message; (message = server.readOutbound()) != null; moved = true) {
                client.writeInbound(message);
            }
            for (Object message; (message = client.readOutbound()) != null; moved = true) {
                server.writeInbound(message);
            }
        }
    }

    private static ClusterAuthenticationException failureOf(SecretChallengeClientHandler handler) {
        CompletionException failure = assertThrows(
                CompletionException.class, () -> handler.authenticated().join());
        return assertInstanceOf(ClusterAuthenticationException.class, failure.getCause());
    }

    private static byte[] readChallenge(EmbeddedChannel channel) {
        ByteBuf challenge = channel.readOutbound();
        try {
            assertEquals(SecretChallengeProtocol.CHALLENGE_LENGTH, challenge.readableBytes());
            assertEquals(SecretChallengeProtocol.MAGIC, challenge.readInt());
            byte[] nonce = new byte[SecretChallengeProtocol.NONCE_LENGTH];
            challenge.readBytes(nonce);
            return nonce;
        } finally {
            challenge.release();
        }
    }

    private static byte readByte(EmbeddedChannel channel) {
        ByteBuf reply = channel.readOutbound();
        try {
            assertEquals(1, reply.readableBytes());
            return reply.readByte();
        } finally {
            reply.release();
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Stands for the rest of the pipeline: records what reaches it. */
    static final class Recorder extends ChannelInboundHandlerAdapter {
        final List<Object> events = new ArrayList<>();
        private final StringBuilder bytes = new StringBuilder();

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            events.add(event);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            ByteBuf buffer = (ByteBuf) message;
            bytes.append(buffer.toString(StandardCharsets.US_ASCII));
            buffer.release();
        }

        String text() {
            return bytes.toString();
        }
    }
}
