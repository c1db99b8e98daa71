package io.floe.api.windowing.evictors;

import io.floe.api.windowing.TimestampedValue;
import io.floe.api.windowing.windows.Window;
import java.util.Iterator;

/**
 * Keeps at most {@code maxCount} elements of a window, the latest to arrive: the oldest go first.
 * Evicts before the window function, or after it ({@link #of(long, boolean)}).
 */
public class CountEvictor<W extends Window> implements Evictor<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long maxCount;
    private final boolean doEvictAfter;

    private CountEvictor(long maxCount, boolean doEvictAfter) {
        this.maxCount = maxCount;
        this.doEvictAfter = doEvictAfter;
    }

    /** Keeps the latest {@code maxCount} elements, evicting before the window function. */
    public static <W extends Window> CountEvictor<W> of(long maxCount) {
        return of(maxCount, false);
    }

    /** Keeps the latest {@code maxCount} elements, evicting after the window function if {@code doEvictAfter}. */
    public static <W extends Window> CountEvictor<W> of(long maxCount, boolean doEvictAfter) {
        if (maxCount <= 0) {
            throw new IllegalArgumentException("CountEvictor: the count must be positive, but is " + maxCount);
        }
        return new CountEvictor<>(maxCount, doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements, size);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements, size);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements, int size) {
        long toEvict = size - maxCount;
        Iterator<TimestampedValue<Object>> iterator = elements.iterator();
        for (long evicted = 0; evicted < toEvict && iterator.hasNext(); evicted++) {
            iterator.next();
            iterator.remove();
        }
    }

    @Override
    public String toString() {
        return "CountEvictor(" + maxCount + (doEvictAfter ? ", after" : "") + ")";
    }
}
