package io.floe.api.windowing.evictors;

import io.floe.api.functions.windowing.delta.DeltaFunction;
import io.floe.api.windowing.TimestampedValue;
import io.floe.api.windowing.windows.Window;
import java.util.Iterator;
import java.util.Objects;

/**
 * Keeps the elements close to the window's last element: an element goes when the delta function
 * puts it at {@code threshold} or more from the last one to arrive. Evicts before the window
 * function, or after it ({@link #of(double, DeltaFunction, boolean)}).
 */
public class DeltaEvictor<T, W extends Window> implements Evictor<T, W> {
    private static final long serialVersionUID = 1L;

    private final DeltaFunction<T> deltaFunction;
    private final double threshold;
    private final boolean doEvictAfter;

    private DeltaEvictor(double threshold, DeltaFunction<T> deltaFunction, boolean doEvictAfter) {
        this.deltaFunction = Objects.requireNonNull(deltaFunction, "DeltaEvictor: delta function");
        this.threshold = threshold;
        this.doEvictAfter = doEvictAfter;
    }

    public static <T, W extends Window> DeltaEvictor<T, W> of(double threshold, DeltaFunction<T> deltaFunction) {
        return new DeltaEvictor<>(threshold, deltaFunction, false);
    }

    public static <T, W extends Window> DeltaEvictor<T, W> of(
            double threshold, DeltaFunction<T> deltaFunction, boolean doEvictAfter) {
        return new DeltaEvictor<>(threshold, deltaFunction, doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<T>> elements) {
        TimestampedValue<T> last = null;
        for (TimestampedValue<T> element : elements) {
            last = element;
        }
        if (last == null) {
            return;
        }
        T reference = last.getValue();
        for (Iterator<TimestampedValue<T>> iterator = elements.iterator(); iterator.hasNext(); ) {
            if (deltaFunction.getDelta(iterator.next().getValue(), reference) >= threshold) {
                iterator.remove();
            }
        }
    }

    @Override
    public String toString() {
        return "DeltaEvictor(" + threshold + (doEvictAfter ? ", after" : "") + ")";
    }
}
