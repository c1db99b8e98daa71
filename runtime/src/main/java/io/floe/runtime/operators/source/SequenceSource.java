package io.floe.runtime.operators.source;

import io.floe.runtime.operators.SourceOperator;

/** {@code fromSequence(from, to)}: the inclusive range, split into one contiguous part per subtask. */
public final class SequenceSource extends SourceOperator<Long> {
    private static final long serialVersionUID = 1L;
    private final long from;
    private final long to;

    public SequenceSource(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("fromSequence(" + from + ", " + to + "): 'from' must not exceed 'to'.");
        }
        this.from = from;
        this.to = to;
    }

    @Override
    public void run() {
        long count = to - from + 1;
        int parallelism = context.parallelism();
        int index = context.subtaskIndex();
        long start = from + count / parallelism * index + Math.min(index, count % parallelism);
        long length = count / parallelism + (index < count % parallelism ? 1 : 0);
        long end = start + length;
        long value = start;
        while (value < end && running) {
            long batchEnd = Math.min(end, value + 4096);
            for (; value < batchEnd; value++) {
                output.collect(value);
            }
        }
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public String describe() {
        return "fromSequence(" + from + ", " + to + ")";
    }
}
