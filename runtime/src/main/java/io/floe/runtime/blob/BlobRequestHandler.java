package io.floe.runtime.blob;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.stream.ChunkedFile;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers request frames with the blob's content, streamed in chunks through a
 * {@code ChunkedWriteHandler} ahead of it.
 *
 * <p>Requests are decoded on the event loop. The lookup may block (it can fall back to the
 * BlobStore), so it runs on the lookup executor, one request of a connection after the other,
 * so that answers leave in the order of the requests. One instance per connection.
 */
final class BlobRequestHandler extends SimpleChannelInboundHandler<ByteBuf> {
    private static final Logger LOG = LoggerFactory.getLogger(BlobRequestHandler.class);

    private final BlobLookup lookup;
    private final Executor lookups;
    /** The last request of this connection; event loop only. */
    private CompletableFuture<Void> lastRequest = CompletableFuture.completedFuture(null);

    BlobRequestHandler(BlobLookup lookup, Executor lookups) {
        this.lookup = lookup;
        this.lookups = lookups;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        BlobRequest request;
        try {
            request = BlobRequest.decode(frame);
        } catch (IllegalArgumentException e) {
            LOG.debug("Malformed blob request from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            writeFailure(ctx, BlobProtocol.ERROR, "Malformed blob request: " + e.getMessage())
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        lastRequest = lastRequest
                .thenRunAsync(() -> serve(ctx, request), lookups)
                .exceptionally(rejected -> {
                    // the lookup executor is shut down: the server is stopping
                    ctx.close();
                    return null;
                });
    }

    private void serve(ChannelHandlerContext ctx, BlobRequest request) {
        RandomAccessFile file;
        try {
            Path path = lookup.find(request.jobId(), request.key());
            file = new RandomAccessFile(path.toFile(), "r");
        } catch (FileNotFoundException e) {
            // BlobNotFoundException, or deleted (expired, cleaned up) since the lookup
            writeFailure(ctx, BlobProtocol.NOT_FOUND, notFoundMessage(request, e));
            return;
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Could not serve blob {} of job {} to {}",
                    request.key(),
                    request.jobId(),
                    ctx.channel().remoteAddress(),
                    e);
            writeFailure(ctx, BlobProtocol.ERROR, "The BlobServer could not read blob " + request.key() + ": " + e);
            return;
        }
        try {
            long length = file.length();
            ctx.write(ctx.alloc()
                    .buffer(1 + Long.BYTES)
                    .writeByte(BlobProtocol.OK)
                    .writeLong(length));
            ctx.writeAndFlush(new ChunkedFile(file, 0, length, BlobProtocol.CHUNK_SIZE))
                    .addListener(future -> {
                        if (!future.isSuccess()) {
                            LOG.debug(
                                    "Sending blob {} to {} failed",
                                    request.key(),
                                    ctx.channel().remoteAddress(),
                                    future.cause());
                        }
                    });
            LOG.debug(
                    "Serving blob {} of job {} ({} bytes) to {}",
                    request.key(),
                    request.jobId(),
                    length,
                    ctx.channel().remoteAddress());
        } catch (IOException e) {
            closeQuietly(file);
            LOG.warn(
                    "Could not serve blob {} of job {} to {}",
                    request.key(),
                    request.jobId(),
                    ctx.channel().remoteAddress(),
                    e);
            ctx.close();
        }
    }

    private static String notFoundMessage(BlobRequest request, FileNotFoundException e) {
        if (e instanceof BlobNotFoundException) {
            return e.getMessage();
        }
        return "Blob " + request.key() + (request.jobId() == null ? "" : " of job " + request.jobId())
                + " was deleted from the BlobServer while it was requested.";
    }

    private static io.netty.channel.ChannelFuture writeFailure(ChannelHandlerContext ctx, byte status, String message) {
        String text = message.length() > BlobProtocol.MAX_MESSAGE_CHARS
                ? message.substring(0, BlobProtocol.MAX_MESSAGE_CHARS)
                : message;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, 0xFFFF);
        ByteBuf reply = ctx.alloc()
                .buffer(3 + length)
                .writeByte(status)
                .writeShort(length)
                .writeBytes(bytes, 0, length);
        return ctx.writeAndFlush(reply);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Closing the blob connection from {}", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }

    private static void closeQuietly(RandomAccessFile file) {
        try {
            file.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed", file, e);
        }
    }
}
