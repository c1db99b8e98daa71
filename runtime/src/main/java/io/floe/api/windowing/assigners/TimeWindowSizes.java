package io.floe.api.windowing.assigners;

import io.floe.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The checks every time-window assigner makes of its arguments, with one message per mistake. */
final class TimeWindowSizes {
    private TimeWindowSizes() {}

    static long positive(String assigner, String what, Duration value) {
        Objects.requireNonNull(value, () -> assigner + ": the " + what + " is null");
        long millis = value.toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException(
                    assigner + ": the " + what + " must be positive, but is " + value + " (" + millis + " ms)");
        }
        return millis;
    }

    static long offset(String assigner, Duration offset, long period, String periodName) {
        long millis = Objects.requireNonNull(offset, () -> assigner + ": the offset is null")
                .toMillis();
        if (Math.abs(millis) >= period) {
            throw new IllegalArgumentException(assigner + ": the offset (" + millis + " ms) must be smaller than the "
                    + periodName + " (" + period + " ms) in absolute value");
        }
        return millis;
    }

    /** An event-time assigner got an element without a timestamp. */
    static long requireTimestamp(String assigner, long timestamp) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException(assigner + " got a record without a timestamp (Long.MIN_VALUE): did you"
                    + " forget DataStream.assignTimestampsAndWatermarks(...), or mean a processing-time assigner?");
        }
        return timestamp;
    }

    static long slide(String assigner, Duration slide, long size) {
        long millis = positive(assigner, "slide", slide);
        if (millis > size) {
            throw new IllegalArgumentException(assigner + ": the slide (" + millis + " ms) must not be larger than the"
                    + " size (" + size + " ms); windows would leave gaps. For windows that do not overlap use the"
                    + " tumbling assigner.");
        }
        return millis;
    }

    /** The windows of a sliding assigner that hold {@code timestamp} (size / slide, rounded up), latest first. */
    static List<TimeWindow> slidingWindows(long timestamp, long size, long slide, long offset) {
        List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
        long lastStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
        for (long start = lastStart; start > timestamp - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
    }
}
