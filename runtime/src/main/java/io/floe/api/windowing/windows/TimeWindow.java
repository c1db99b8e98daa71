package io.floe.api.windowing.windows;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** A window of time {@code [start, end)}: start inclusive, end exclusive. */
public final class TimeWindow extends Window implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long start;
    private final long end;

    public TimeWindow(long start, long end) {
        this.start = start;
        this.end = end;
    }

    public long getStart() {
        return start;
    }

    public long getEnd() {
        return end;
    }

    /** {@code end - 1}: the last millisecond in the window. */
    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /** Whether the two windows overlap or touch (session windows of one key merge when they do). */
    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    /** The smallest window that holds both. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /**
     * The start of the window of size {@code windowSize}, shifted by {@code offset}, that holds
     * {@code timestamp} (windows are aligned to the epoch plus the offset).
     */
    public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
        long remainder = (timestamp - offset) % windowSize;
        // negative timestamps: the window starts before the timestamp, not after it
        return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
    }

    /**
     * Groups {@code windows} into sets of overlapping ones, for session windows: each group with
     * more than one window is merged into the window that covers it.
     *
     * @return each group with its covering window
     */
    public static List<Merge> mergeOverlapping(Collection<TimeWindow> windows) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingLong(TimeWindow::getStart));
        List<Merge> merges = new ArrayList<>();
        Merge current = null;
        for (TimeWindow window : sorted) {
            if (current != null && current.cover.intersects(window)) {
                current.windows.add(window);
                current = new Merge(current.cover.cover(window), current.windows);
                merges.set(merges.size() - 1, current);
            } else {
                List<TimeWindow> group = new ArrayList<>();
                group.add(window);
                current = new Merge(window, group);
                merges.add(current);
            }
        }
        return merges;
    }

    /** Windows that overlap, and the window that covers them. */
    public record Merge(TimeWindow cover, List<TimeWindow> windows) {}

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindow other && start == other.start && end == other.end;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start * 31 + end);
    }

    @Override
    public String toString() {
        return "TimeWindow{start=" + start + ", end=" + end + "}";
    }
}
