package io.floe.api.windowing.windows;

import java.io.Serializable;

/** The one window of {@code GlobalWindows}: every element of a key; it ends only when a trigger purges it. */
public final class GlobalWindow extends Window implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final GlobalWindow INSTANCE = new GlobalWindow();

    private GlobalWindow() {}

    public static GlobalWindow get() {
        return INSTANCE;
    }

    @Override
    public long maxTimestamp() {
        return Long.MAX_VALUE;
    }

    /** One instance, also after deserialization. */
    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlobalWindow;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "GlobalWindow";
    }
}
