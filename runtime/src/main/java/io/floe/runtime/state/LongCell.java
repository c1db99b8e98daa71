package io.floe.runtime.state;

/**
 * The entry of a {@code ValueState<Long>} without time-to-live: the count lives in a primitive
 * field, so an update writes a {@code long} into an object that is already in the table instead
 * of storing a new {@code Long} into it. Storing a young object into the long-lived table costs a
 * G1 write barrier and card refinement per update; with a million counters that was a third of
 * the CPU of W4. A cell that a snapshot in flight shares is replaced, never changed.
 */
final class LongCell {
    long value;

    LongCell(long value) {
        this.value = value;
    }

    /** What a snapshot writes for {@code entry}: the Long of a cell, anything else as it is. */
    static Object unwrap(Object entry) {
        return entry instanceof LongCell cell ? (Object) cell.value : entry;
    }
}
