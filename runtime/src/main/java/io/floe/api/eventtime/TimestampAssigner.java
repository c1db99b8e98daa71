package io.floe.api.eventtime;

/** Gives an element its event timestamp, in milliseconds since the epoch. */
@FunctionalInterface
public interface TimestampAssigner<T> {
    /** What {@code recordTimestamp} is when the element came without a timestamp. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    /**
     * @param recordTimestamp the timestamp the element already has, or {@link #NO_TIMESTAMP}
     */
    long extractTimestamp(T element, long recordTimestamp);
}
