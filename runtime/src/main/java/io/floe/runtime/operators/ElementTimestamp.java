package io.floe.runtime.operators;

/**
 * The event timestamp of the record a subtask's chain is processing, shared by its operators: a
 * record keeps its input's timestamp through {@code map}, {@code filter} and the like without
 * being wrapped, and an operator that gives records time (a timestamp assigner, a timer, a window)
 * sets it before it emits. The network writes it beside the record. Task thread only.
 */
public final class ElementTimestamp {
    private long timestamp;
    private boolean present;

    public void set(long timestamp) {
        this.timestamp = timestamp;
        this.present = true;
    }

    public void clear() {
        present = false;
    }

    public boolean isPresent() {
        return present;
    }

    /** The timestamp; meaningful only when {@link #isPresent()}. */
    public long get() {
        return timestamp;
    }

    /** The timestamp, or null without one (what {@code Context.timestamp()} returns). */
    public Long orNull() {
        return present ? timestamp : null;
    }

    /** The timestamp, or {@code Long.MIN_VALUE} (Flink's {@code NO_TIMESTAMP}) without one. */
    public long orMinValue() {
        return present ? timestamp : Long.MIN_VALUE;
    }
}
