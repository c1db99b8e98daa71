package io.floe.runtime.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.floe.api.JobId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class BlobRequestTest {
    private final BlobKey key = BlobStoreContractTest.keyOf("content");

    @Test
    void requestsWithAndWithoutAJobAreReadBack() {
        roundTrip(new BlobRequest(JobId.generate(), key));
        roundTrip(new BlobRequest(null, new BlobKey(BlobType.TRANSIENT, key.hash())));
    }

    @Test
    void malformedFramesAreRefused() {
        ByteBuf frame = new BlobRequest(JobId.generate(), key).encode(ByteBufAllocator.DEFAULT);
        try {
            frame.skipBytes(BlobProtocol.LENGTH_FIELD_LENGTH);
            ByteBuf truncated = frame.slice(frame.readerIndex(), frame.readableBytes() - 1);
            assertThrows(IllegalArgumentException.class, () -> BlobRequest.decode(truncated));
            ByteBuf unknownOperation = frame.copy().setByte(0, 7);
            try {
                assertThrows(IllegalArgumentException.class, () -> BlobRequest.decode(unknownOperation));
            } finally {
                unknownOperation.release();
            }
            assertThrows(IllegalArgumentException.class, () -> BlobRequest.decode(Unpooled.wrappedBuffer(new byte[3])));
        } finally {
            frame.release();
        }
    }

    private static void roundTrip(BlobRequest request) {
        ByteBuf frame = request.encode(ByteBufAllocator.DEFAULT);
        try {
            assertEquals(frame.readableBytes() - BlobProtocol.LENGTH_FIELD_LENGTH, frame.readInt());
            assertEquals(request, BlobRequest.decode(frame));
        } finally {
            frame.release();
        }
    }
}
