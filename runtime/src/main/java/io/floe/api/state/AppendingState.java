package io.floe.api.state;

/** State that values are added to ({@code add}) and read from as a whole ({@code get}). */
public interface AppendingState<IN, OUT> extends State {
    /** The current key's value; for a list an empty iterable when there is none, otherwise null. */
    OUT get() throws Exception;

    void add(IN value) throws Exception;
}
