package io.floe.api.functions.source;

import io.floe.api.functions.Function;
import io.floe.api.watermark.Watermark;

/**
 * A source that pushes records from its own loop. {@link #run} is called once on the task's
 * thread and emits through the context; a bounded source returns when done. {@link #cancel()} is
 * called from another thread when the job is cancelled and must make {@code run} return soon
 * (a volatile flag is the usual way).
 */
public interface SourceFunction<T> extends Function {
    void run(SourceContext<T> ctx) throws Exception;

    void cancel();

    /** Where a source emits its records. */
    interface SourceContext<T> {
        void collect(T element);

        /** Emits {@code element} with its event timestamp (milliseconds since the epoch). */
        void collectWithTimestamp(T element, long timestamp);

        /**
         * Emits a watermark: no element at or before its time follows. A timestamp assigner after
         * the source replaces these with its own.
         */
        void emitWatermark(Watermark mark);

        /** This source has no data for now: downstream leaves it out of its watermark until it emits again. */
        void markAsTemporarilyIdle();

        /** A lock that makes emission atomic with other work on the same task; held while emitting. */
        Object getCheckpointLock();
    }
}
