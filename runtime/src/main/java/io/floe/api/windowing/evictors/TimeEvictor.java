package io.floe.api.windowing.evictors;

import io.floe.api.windowing.TimestampedValue;
import io.floe.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;

/**
 * Keeps the elements of the last {@code windowSize} of event time: those whose timestamp is more
 * than {@code windowSize} before the window's latest element timestamp go. Does nothing to
 * elements without timestamps. Evicts before the window function, or after it ({@link
 * #of(Duration, boolean)}).
 */
public class TimeEvictor<W extends Window> implements Evictor<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long windowSize;
    private final boolean doEvictAfter;

    private TimeEvictor(long windowSize, boolean doEvictAfter) {
        this.windowSize = windowSize;
        this.doEvictAfter = doEvictAfter;
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
        return of(windowSize, false);
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
        Objects.requireNonNull(windowSize, "TimeEvictor: window size");
        if (windowSize.isNegative()) {
            throw new IllegalArgumentException(
                    "TimeEvictor: the window size must not be negative, but is " + windowSize);
        }
        return new TimeEvictor<>(windowSize.toMillis(), doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements) {
        long latest = Long.MIN_VALUE;
        boolean timestamped = false;
        for (TimestampedValue<Object> element : elements) {
            if (element.hasTimestamp()) {
                timestamped = true;
                latest = Math.max(latest, element.getTimestamp());
            }
        }
        if (!timestamped) {
            return;
        }
        long cutoff = latest - windowSize;
        for (Iterator<TimestampedValue<Object>> iterator = elements.iterator(); iterator.hasNext(); ) {
            TimestampedValue<Object> element = iterator.next();
            if (element.hasTimestamp() && element.getTimestamp() <= cutoff) {
                iterator.remove();
            }
        }
    }

    @Override
    public String toString() {
        return "TimeEvictor(" + windowSize + " ms" + (doEvictAfter ? ", after" : "") + ")";
    }
}
