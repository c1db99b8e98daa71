package io.floe.runtime.operators.source;

import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.runtime.operators.OperatorStateContext;
import io.floe.runtime.operators.SourceOperator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fromSequence(from, to)}: the inclusive range, split into one contiguous part per subtask.
 * What is left to emit is operator state (ranges {@code [next, end)}), so a restore, also at another
 * parallelism, emits each number after the checkpoint exactly once.
 */
public final class SequenceSource extends SourceOperator<Long> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 4096;
    private static final ListStateDescriptor<long[]> REMAINING =
            new ListStateDescriptor<>("fromSequence-remaining", long[].class);

    private final long from;
    private final long to;
    private transient ListState<long[]> remainingState;
    /** The ranges still to emit; the first one is in progress, its [0] the next number. */
    private transient ArrayDeque<long[]> remaining;

    public SequenceSource(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("fromSequence(" + from + ", " + to + "): 'from' must not exceed 'to'.");
        }
        this.from = from;
        this.to = to;
    }

    @Override
    public void initializeState(OperatorStateContext state) throws Exception {
        remainingState = state.getOperatorStateStore().getListState(REMAINING);
        remaining = new ArrayDeque<>();
        if (state.isRestored()) {
            for (long[] range : remainingState.get()) {
                remaining.add(range.clone());
            }
        } else {
            remaining.add(initialRange());
        }
    }

    private long[] initialRange() {
        long count = to - from + 1;
        int parallelism = context.parallelism();
        int index = context.subtaskIndex();
        long start = from + count / parallelism * index + Math.min(index, count % parallelism);
        long length = count / parallelism + (index < count % parallelism ? 1 : 0);
        return new long[] {start, start + length};
    }

    @Override
    public void run() throws Exception {
        if (remaining == null) {
            remaining = new ArrayDeque<>(List.of(initialRange()));
        }
        while (!remaining.isEmpty() && running) {
            long[] range = remaining.peekFirst();
            while (range[0] < range[1] && running) {
                long value = range[0];
                long batchEnd = Math.min(range[1], value + BATCH);
                synchronized (checkpointLock()) {
                    for (; value < batchEnd; value++) {
                        output.collect(value);
                    }
                    range[0] = batchEnd;
                }
                checkpointIfRequested();
            }
            if (range[0] >= range[1]) {
                remaining.pollFirst();
            }
        }
    }

    @Override
    public void snapshotState(long checkpointId, long timestamp) throws Exception {
        List<long[]> left = new ArrayList<>();
        for (long[] range : remaining) {
            if (range[0] < range[1]) {
                left.add(range.clone());
            }
        }
        remainingState.update(left);
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
