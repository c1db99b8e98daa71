package io.floe.runtime.network;

import static io.floe.runtime.network.NetworkTestHarness.SERIALIZER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.runtime.types.ResultPartitionId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BufferBuilderTest {

    private static final int BUFFER_SIZE = 256;

    private final PipelinedSubpartition subpartition =
            new PipelinedSubpartition(new ResultPartitionId("p"), 0, Integer.MAX_VALUE);
    private final BufferBuilder builder = new BufferBuilder(subpartition, PooledByteBufAllocator.DEFAULT, BUFFER_SIZE);
    private final SubpartitionReader reader = subpartition.createReader(() -> {});

    @AfterEach
    void release() {
        builder.release();
        subpartition.release();
    }

    @Test
    void buffersHoldWholeRecordsAndExceedTheSizeOnlyForASingleRecord() throws Exception {
        Random random = new Random(7);
        List<Object> sent = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            // mostly small records of varying size, now and then one larger than a buffer
            String record = "r".repeat(random.nextInt(10) == 0 ? random.nextInt(600) : random.nextInt(60));
            sent.add(record);
            builder.append(record, SERIALIZER, false);
        }
        builder.flush();

        List<Object> received = new ArrayList<>();
        BufferAndBacklog next;
        int buffers = 0;
        while ((next = reader.poll(true)) != null) {
            ByteBuf buffer = next.buffer();
            int records = 0;
            int size = buffer.readableBytes();
            while (buffer.isReadable()) {
                int length = buffer.readInt();
                int end = buffer.readerIndex() + length;
                received.add(SERIALIZER.deserialize(buffer));
                assertEquals(end, buffer.readerIndex());
                records++;
            }
            assertTrue(
                    size <= BUFFER_SIZE || records == 1, "buffer of " + size + " bytes holds " + records + " records");
            buffer.release();
            buffers++;
        }
        assertEquals(sent, received);
        assertTrue(buffers > 100, "buffers: " + buffers);
    }

    @Test
    void reportsWhenItQueuedABuffer() {
        assertFalse(builder.append(1L, SERIALIZER, false));
        assertTrue(builder.append(2L, SERIALIZER, true), "flush after the record");
        assertEquals(1, subpartition.getNumberOfQueuedBuffers());
        assertTrue(builder.append("x".repeat(BUFFER_SIZE * 2), SERIALIZER, false), "oversized record");
        assertEquals(2, subpartition.getNumberOfQueuedBuffers());
    }

    @Test
    void failedRecordLeavesNoTraceAndEmptyBufferIsNotFlushed() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> builder.append(new Unsendable(), SERIALIZER, false));
        builder.flush();
        assertEquals(0, subpartition.getNumberOfQueuedBuffers());
        builder.append(3L, SERIALIZER, false);
        builder.flush();
        ByteBuf buffer = reader.poll(true).buffer();
        assertEquals(4 + 9, buffer.readableBytes());
        buffer.release();
    }

    @Test
    void refusesRecordsOnceReleased() {
        builder.release();
        assertThrows(IllegalStateException.class, () -> builder.append(1L, SERIALIZER, false));
    }

    /** A record no serializer can send: neither Java serialization nor Kryo can write a live thread. */
    private static final class Unsendable {
        @SuppressWarnings("unused")
        private final Thread owner = Thread.currentThread();
    }
}
