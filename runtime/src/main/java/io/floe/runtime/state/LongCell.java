package io.floe.runtime.state;

/**
 * The entry of a {@code ValueState<Long>} without time-to-live: the count lives in a primitive
 * field, so an update writes a {@code long} into an object that is already in the table instead
 * of storing a new {@code Long} into it. Storing a young object into the long-lived table costs a
 * G1 write barrier and card refinement per update; with a million counters that was a third of
 * the CPU of W4. A snapshot copies the values out of the cells when it freezes the table
 * ({@link HeapValueState#freeze}), so cells change in place even while one is written.
 */
final class LongCell {
    long value;

    LongCell(long value) {
        this.value = value;
    }
}
