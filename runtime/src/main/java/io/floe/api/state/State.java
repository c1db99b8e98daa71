package io.floe.api.state;

/**
 * A piece of keyed state: the value of the current record's key. Used on the task's thread, in
 * the function that registered it.
 */
public interface State {
    /** Removes the current key's value. */
    void clear();
}
