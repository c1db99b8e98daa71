package io.floe.api.state;

import java.io.IOException;

/**
 * One value per key. Treat a value you read as owned by the state: change it only by passing the
 * new value to {@link #update}, so a checkpoint never sees a half-made change.
 */
public interface ValueState<T> extends State {
    /** The current key's value, or null (the descriptor's default, if it has one) when there is none. */
    T value() throws IOException;

    /** Sets the current key's value; {@code null} clears it. */
    void update(T value) throws IOException;
}
