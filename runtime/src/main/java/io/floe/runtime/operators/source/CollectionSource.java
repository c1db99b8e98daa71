package io.floe.runtime.operators.source;

import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.runtime.operators.OperatorStateContext;
import io.floe.runtime.operators.SourceOperator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code fromElements}/{@code fromCollection}: emits the given elements once, in order, from one
 * subtask; the offset of the next element is operator state, so a restore goes on after the last
 * element the checkpoint covered.
 */
public final class CollectionSource<T> extends SourceOperator<T> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 1024;
    private static final ListStateDescriptor<Integer> OFFSET =
            new ListStateDescriptor<>("fromCollection-offset", Integer.class);

    private final ArrayList<T> elements;
    private transient ListState<Integer> offsetState;
    /** The index of the next element to emit: operator state, so a restore goes on from there. */
    private transient int next;

    public CollectionSource(Collection<T> elements) {
        for (T element : elements) {
            if (element == null) {
                throw new IllegalArgumentException("fromElements/fromCollection: elements must not be null.");
            }
            if (!(element instanceof Serializable)) {
                throw new IllegalArgumentException("fromElements/fromCollection: "
                        + element.getClass().getName() + " is not Serializable, so it cannot be shipped with the job.");
            }
        }
        this.elements = new ArrayList<>(elements);
    }

    @Override
    public void initializeState(OperatorStateContext state) throws Exception {
        offsetState = state.getOperatorStateStore().getListState(OFFSET);
        for (Integer offset : offsetState.get()) {
            next = Math.max(next, offset);
        }
    }

    @Override
    public void run() throws Exception {
        List<T> list = elements;
        while (next < list.size() && running) {
            int end = Math.min(list.size(), next + BATCH);
            synchronized (checkpointLock()) {
                while (next < end) {
                    output.collect(list.get(next++));
                }
            }
            checkpointIfRequested();
        }
    }

    @Override
    public void snapshotState(long checkpointId, long timestamp) throws Exception {
        offsetState.update(List.of(next));
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public String describe() {
        return "fromCollection(" + elements.size() + " elements)";
    }
}
