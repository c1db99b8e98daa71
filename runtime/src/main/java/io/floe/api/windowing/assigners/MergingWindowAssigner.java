package io.floe.api.windowing.assigners;

import io.floe.api.windowing.windows.Window;
import java.util.Collection;

/** An assigner whose windows of one key merge when they overlap (session windows). */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {
    private static final long serialVersionUID = 1L;

    /** Calls {@code callback} once for every group of {@code windows} that merges into one. */
    public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

    /** Told each merge: the windows that go, and the window that takes their place. */
    public interface MergeCallback<W> {
        void merge(Collection<W> toBeMerged, W mergeResult);
    }
}
