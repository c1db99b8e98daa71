package io.floe.api.windowing.evictors;

import io.floe.api.windowing.TimestampedValue;
import io.floe.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Removes elements from a window when it fires, before the window function sees them ({@link
 * #evictBefore}) or after ({@link #evictAfter}); what remains stays in the window for its next
 * firing. An evictor removes an element through the iterator of {@code elements} ({@code
 * Iterator.remove()}), which iterates in arrival order. A window with an evictor keeps every
 * element with its timestamp, and runs an incremental {@code reduce} or {@code aggregate} over what
 * remains when it fires. Called on the window operator's task thread.
 *
 * @param <T> the elements
 * @param <W> the windows
 */
public interface Evictor<T, W extends Window> extends Serializable {

    /** Called when the window fires, before the window function; {@code size} elements are in it. */
    void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** Called after the window function, with what remained for it; {@code size} elements are in it. */
    void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** What an evictor may ask of the window operator. */
    interface EvictorContext {
        /** The current processing time, in milliseconds since the epoch. */
        long getCurrentProcessingTime();

        /** The operator's current event-time watermark. */
        long getCurrentWatermark();
    }
}
