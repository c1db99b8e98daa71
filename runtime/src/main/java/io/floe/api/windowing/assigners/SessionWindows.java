package io.floe.api.windowing.assigners;

import io.floe.api.windowing.windows.TimeWindow;
import java.util.Collection;
import java.util.List;

/**
 * Session windows, by event or processing time: each element opens a window from its time to its
 * time plus the gap, and windows of one key that overlap merge. The base of {@link
 * EventTimeSessionWindows} and {@link ProcessingTimeSessionWindows}.
 */
abstract class SessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final long staticGap;
    private final SessionWindowTimeGapExtractor<T> gapExtractor;

    /** One of the two: a gap in ms for every element, or an extractor (then {@code staticGap} is 0). */
    SessionWindows(long staticGap, SessionWindowTimeGapExtractor<T> gapExtractor) {
        this.staticGap = staticGap;
        this.gapExtractor = gapExtractor;
    }

    /** The element's time: its timestamp, or the clock. */
    abstract long timeOf(long timestamp, WindowAssignerContext context);

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        long time = timeOf(timestamp, context);
        long gap = staticGap;
        if (gapExtractor != null) {
            gap = gapExtractor.extract(element);
            if (gap <= 0) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": the dynamic gap of " + element
                        + " must be positive, but is " + gap + " ms");
            }
        }
        return List.of(new TimeWindow(time, time + gap));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        for (TimeWindow.Merge merge : TimeWindow.mergeOverlapping(windows)) {
            if (merge.windows().size() > 1) {
                callback.merge(merge.windows(), merge.cover());
            }
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + (gapExtractor == null ? staticGap + " ms" : "dynamic") + ")";
    }
}
