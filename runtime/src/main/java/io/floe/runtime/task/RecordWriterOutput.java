package io.floe.runtime.task;

import io.floe.runtime.network.RecordWriter;
import io.floe.runtime.operators.Output;
import io.floe.runtime.operators.partitioner.StreamPartitioner;

/** The end of a chain that feeds another task: picks the consumer subtask and writes to the network. */
final class RecordWriterOutput<T> implements Output<T> {
    private final RecordWriter writer;
    private final StreamPartitioner partitioner;

    RecordWriterOutput(RecordWriter writer, StreamPartitioner partitioner) {
        this.writer = writer;
        this.partitioner = partitioner;
    }

    @Override
    public void collect(T record) {
        try {
            writer.emit(record, partitioner.selectChannel(record));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskInterruptedException();
        }
    }
}
