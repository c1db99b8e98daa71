package io.floe.runtime.operators;

/**
 * Wall-clock callbacks for operators (processing-time timers, periodic watermarks). A callback
 * runs where the operators run (the task's thread, or under a source's checkpoint lock), never
 * beside a record, and not at all once the task has ended.
 */
public interface ProcessingTimeService {
    long getCurrentProcessingTime();

    /** Calls {@code callback} with {@code time} once the clock has reached it (at once if it has). */
    Registration registerTimer(long time, Callback callback);

    /** What runs when the time comes. */
    @FunctionalInterface
    interface Callback {
        void onProcessingTime(long time) throws Exception;
    }

    /** A registered callback; cancelling it after it ran does nothing. */
    interface Registration {
        void cancel();
    }
}
