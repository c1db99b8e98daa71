package io.floe.runtime.blob;

import io.floe.api.JobId;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the BlobServer's answer to one request, streaming the content into a file while hashing
 * it. Completes {@link #result()} with the SHA-256 (hex) of what it received, or fails it with
 * an {@link IOException} that names the key and the server. Event loop only.
 */
final class BlobResponseReader extends ByteToMessageDecoder {
    private enum State {
        STATUS,
        LENGTH,
        CONTENT,
        MESSAGE_LENGTH,
        MESSAGE,
        DONE
    }

    private final FileChannel target;
    private final JobId jobId;
    private final BlobKey key;
    private final String server;
    private final MessageDigest digest = BlobContentHash.newDigest();
    private final CompletableFuture<String> result = new CompletableFuture<>();

    private ChannelHandlerContext context;
    private State state = State.STATUS;
    private byte status;
    private long remaining;
    private long length;
    private int messageLength;

    BlobResponseReader(FileChannel target, JobId jobId, BlobKey key, String server) {
        this.target = target;
        this.jobId = jobId;
        this.key = key;
        this.server = server;
    }

    CompletableFuture<String> result() {
        return result;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    /** Fails the fetch for a reason found outside this handler (e.g. authentication); event loop only. */
    void fail(IOException failure) {
        fail(context, failure);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws IOException {
        switch (state) {
            case STATUS -> readStatus(ctx, in);
            case LENGTH -> {
                if (in.readableBytes() >= Long.BYTES) {
                    length = in.readLong();
                    remaining = length;
                    state = State.CONTENT;
                    if (remaining == 0) {
                        finish(ctx);
                    }
                }
            }
            case CONTENT -> readContent(ctx, in);
            case MESSAGE_LENGTH -> {
                if (in.readableBytes() >= Short.BYTES) {
                    messageLength = in.readUnsignedShort();
                    state = State.MESSAGE;
                }
            }
            case MESSAGE -> {
                if (in.readableBytes() >= messageLength) {
                    String message = in.readCharSequence(messageLength, StandardCharsets.UTF_8)
                            .toString();
                    fail(
                            ctx,
                            status == BlobProtocol.NOT_FOUND
                                    ? new BlobNotFoundException(message + " (asked " + server + ")")
                                    : new IOException("The BlobServer at " + server + " could not send blob " + key
                                            + ": " + message));
                }
            }
            case DONE -> in.skipBytes(in.readableBytes());
        }
    }

    private void readStatus(ChannelHandlerContext ctx, ByteBuf in) {
        if (!in.isReadable()) {
            return;
        }
        status = in.readByte();
        switch (status) {
            case BlobProtocol.OK -> state = State.LENGTH;
            case BlobProtocol.NOT_FOUND, BlobProtocol.ERROR -> state = State.MESSAGE_LENGTH;
            default -> {
                in.skipBytes(in.readableBytes());
                fail(
                        ctx,
                        new IOException(String.format(
                                "Unexpected reply byte 0x%02x from the BlobServer at %s while fetching blob %s; "
                                        + "the server probably requires a cluster secret that this process does not "
                                        + "have.",
                                status, server, key)));
            }
        }
    }

    private void readContent(ChannelHandlerContext ctx, ByteBuf in) throws IOException {
        int n = (int) Math.min(in.readableBytes(), remaining);
        for (ByteBuffer buffer : in.nioBuffers(in.readerIndex(), n)) {
            digest.update(buffer.duplicate());
            while (buffer.hasRemaining()) {
                target.write(buffer);
            }
        }
        in.skipBytes(n);
        remaining -= n;
        if (remaining == 0) {
            finish(ctx);
        }
    }

    private void finish(ChannelHandlerContext ctx) {
        state = State.DONE;
        result.complete(HexFormat.of().formatHex(digest.digest()));
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (state != State.DONE) {
            fail(
                    ctx,
                    new IOException(
                            state == State.CONTENT
                                    ? "The BlobServer at " + server + " closed the connection after "
                                            + (length - remaining) + " of " + length + " bytes of blob " + key + "."
                                    : "The BlobServer at " + server
                                            + " closed the connection before answering the request for blob " + key
                                            + (jobId == null ? "" : " of job " + jobId) + "."));
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        IOException failure = new IOException(
                "Fetching blob " + key + (jobId == null ? "" : " of job " + jobId) + " from the BlobServer at " + server
                        + " failed: " + cause,
                cause);
        fail(ctx, failure);
    }

    /** Fails the fetch (if not already over) and closes the connection; event loop only. */
    void fail(ChannelHandlerContext ctx, IOException failure) {
        if (state == State.DONE) {
            return;
        }
        state = State.DONE;
        result.completeExceptionally(failure);
        ctx.close();
    }
}
