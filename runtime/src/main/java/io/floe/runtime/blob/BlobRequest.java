package io.floe.runtime.blob;

import io.floe.api.JobId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.HexFormat;

/** A request for one blob; {@code jobId} is null for blobs without a job. */
record BlobRequest(JobId jobId, BlobKey key) {
    private static final HexFormat HEX = HexFormat.of();
    private static final int JOB_ID_BYTES = 16;

    BlobRequest {
        if (key == null) {
            throw new IllegalArgumentException("A blob request needs a key.");
        }
    }

    /** The request frame, length field included. */
    ByteBuf encode(ByteBufAllocator allocator) {
        ByteBuf frame = allocator.buffer(BlobProtocol.LENGTH_FIELD_LENGTH + 3 + BlobKey.HASH_BYTES + JOB_ID_BYTES);
        frame.writeInt(0); // length, filled in below
        frame.writeByte(BlobProtocol.GET);
        frame.writeByte(key.type().ordinal());
        frame.writeBytes(key.hashBytes());
        frame.writeBoolean(jobId != null);
        if (jobId != null) {
            frame.writeBytes(HEX.parseHex(jobId.value()));
        }
        frame.setInt(0, frame.readableBytes() - BlobProtocol.LENGTH_FIELD_LENGTH);
        return frame;
    }

    /**
     * Reads a request from a frame without its length field.
     *
     * @throws IllegalArgumentException if the frame is not a well-formed request
     */
    static BlobRequest decode(ByteBuf frame) {
        int fixedLength = 3 + BlobKey.HASH_BYTES;
        if (frame.readableBytes() < fixedLength) {
            throw new IllegalArgumentException(
                    "A request has at least " + fixedLength + " bytes, this one " + frame.readableBytes());
        }
        byte op = frame.readByte();
        if (op != BlobProtocol.GET) {
            throw new IllegalArgumentException("Unknown operation " + op);
        }
        int typeOrdinal = frame.readByte();
        BlobType[] types = BlobType.values();
        if (typeOrdinal < 0 || typeOrdinal >= types.length) {
            throw new IllegalArgumentException("Unknown blob type " + typeOrdinal);
        }
        byte[] hash = new byte[BlobKey.HASH_BYTES];
        frame.readBytes(hash);
        JobId jobId = null;
        if (frame.readBoolean()) {
            if (frame.readableBytes() != JOB_ID_BYTES) {
                throw new IllegalArgumentException(
                        "A job id has " + JOB_ID_BYTES + " bytes, this one " + frame.readableBytes());
            }
            byte[] job = new byte[JOB_ID_BYTES];
            frame.readBytes(job);
            jobId = new JobId(HEX.formatHex(job));
        }
        if (frame.isReadable()) {
            throw new IllegalArgumentException(frame.readableBytes() + " unexpected bytes after the request");
        }
        return new BlobRequest(jobId, BlobKey.of(types[typeOrdinal], hash));
    }
}
