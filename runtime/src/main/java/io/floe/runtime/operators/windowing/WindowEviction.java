package io.floe.runtime.operators.windowing;

import io.floe.api.windowing.TimestampedValue;
import io.floe.api.windowing.evictors.Evictor;
import io.floe.api.windowing.windows.Window;
import io.floe.runtime.operators.ElementTimestamp;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Evictor} of a window operator and the contents it works on: every element of a window
 * with its timestamp, in arrival order, kept as the window's state. When the window fires the
 * operator asks {@link #evictBefore}, computes over {@link #values} of what remains, asks {@link
 * #evictAfter} and keeps what remains then, as Flink's evicting window operator does.
 *
 * @param <IN> the elements
 * @param <W> the windows
 */
final class WindowEviction<IN, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Evictor<IN, W> evictor;

    @SuppressWarnings("unchecked")
    WindowEviction(Evictor<? super IN, ? super W> evictor) {
        // an Evictor<Object, Window> (CountEvictor) takes any element; the cast only widens what it sees
        this.evictor = (Evictor<IN, W>) evictor;
    }

    /** {@code kept} (null for the window's first element) with {@code element} added at its timestamp. */
    static <IN> List<TimestampedValue<IN>> add(
            List<TimestampedValue<IN>> kept, IN element, ElementTimestamp timestamp) {
        List<TimestampedValue<IN>> elements = kept instanceof ArrayList<?> ? kept : new ArrayList<>();
        if (kept != null && elements != kept) {
            elements.addAll(kept); // a list the state did not make (a restore may give another List)
        }
        elements.add(
                timestamp.isPresent()
                        ? new TimestampedValue<>(element, timestamp.get())
                        : new TimestampedValue<>(element));
        return elements; // kept is the state's own copy (copy-on-write while a snapshot shares it)
    }

    /** The contents of two windows that became one, the older one's elements first. */
    static <IN> ArrayList<TimestampedValue<IN>> merge(List<TimestampedValue<IN>> a, List<TimestampedValue<IN>> b) {
        ArrayList<TimestampedValue<IN>> merged = new ArrayList<>(a.size() + b.size());
        merged.addAll(a);
        merged.addAll(b);
        return merged;
    }

    void evictBefore(List<TimestampedValue<IN>> elements, W window, Evictor.EvictorContext context) {
        evictor.evictBefore(elements, elements.size(), window, context);
    }

    void evictAfter(List<TimestampedValue<IN>> elements, W window, Evictor.EvictorContext context) {
        evictor.evictAfter(elements, elements.size(), window, context);
    }

    /** The elements without their timestamps, a read-only view. */
    static <IN> List<IN> values(List<TimestampedValue<IN>> elements) {
        return new AbstractList<>() {
            @Override
            public IN get(int index) {
                return elements.get(index).getValue();
            }

            @Override
            public int size() {
                return elements.size();
            }
        };
    }

    @Override
    public String toString() {
        return evictor.toString();
    }
}
