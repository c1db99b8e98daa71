package io.floe.runtime.operators.source;

import io.floe.runtime.operators.SourceOperator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@code fromElements}/{@code fromCollection}: emits the given elements once, in order, from one subtask. */
public final class CollectionSource<T> extends SourceOperator<T> {
    private static final long serialVersionUID = 1L;
    private final ArrayList<T> elements;

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
    public void run() {
        List<T> list = elements;
        for (int i = 0; i < list.size() && running; i++) {
            output.collect(list.get(i));
        }
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
