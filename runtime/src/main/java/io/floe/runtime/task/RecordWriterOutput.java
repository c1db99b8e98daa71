package io.floe.runtime.task;

import io.floe.runtime.network.RecordWriter;
import io.floe.runtime.network.TimestampedRecord;
import io.floe.runtime.network.WatermarkEvent;
import io.floe.runtime.network.WatermarkStatus;
import io.floe.runtime.operators.ElementTimestamp;
import io.floe.runtime.operators.Output;
import io.floe.runtime.operators.partitioner.StreamPartitioner;

/**
 * The end of a chain that feeds another task: picks the consumer subtask and writes to the network,
 * the record's event timestamp with it when it has one. Watermarks go to every consumer subtask, and
 * so do the records of a broadcast edge.
 */
final class RecordWriterOutput<T> implements Output<T> {
    private final RecordWriter writer;
    private final StreamPartitioner partitioner;
    private final boolean broadcast;
    private final ElementTimestamp timestamp;
    /** Reused for every timestamped record: the writer serializes it before emit returns. */
    private final TimestampedRecord timestamped = new TimestampedRecord();

    RecordWriterOutput(RecordWriter writer, StreamPartitioner partitioner, ElementTimestamp timestamp) {
        this.writer = writer;
        this.partitioner = partitioner;
        this.broadcast = partitioner.isBroadcast();
        this.timestamp = timestamp;
    }

    @Override
    public void collect(T record) {
        try {
            Object element = timestamp.isPresent() ? timestamped.replace(record, timestamp.get()) : record;
            if (broadcast) {
                writer.broadcast(element);
            } else {
                writer.emit(element, partitioner.selectChannel(record));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskInterruptedException();
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        broadcast(watermark == Long.MAX_VALUE ? WatermarkEvent.MAX : new WatermarkEvent(watermark));
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
        broadcast(WatermarkStatus.of(idle));
    }

    private void broadcast(Object event) {
        try {
            writer.broadcastInBand(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskInterruptedException();
        }
    }
}
