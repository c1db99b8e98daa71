package io.floe.runtime.state;

import io.floe.api.state.State;
import io.floe.api.state.StateDescriptor;

/**
 * The keyed state of one subtask of a keyed operator: every state the operator's functions
 * registered, each holding one entry per key of the subtask's {@link KeyGroupRange}. The operator
 * sets the current key before it hands a record to its function; state reads and writes then
 * concern that key. Owned by the task's thread.
 */
public interface KeyedStateBackend<K> {
    /** Makes {@code key} the key that state accesses concern until the next call. */
    void setCurrentKey(K key);

    /** The current key, or null before the first record. */
    K getCurrentKey();

    /**
     * The state {@code descriptor} names, created on first use.
     *
     * @throws IllegalStateException if the name was registered before as another kind or type of state
     */
    <S extends State> S getOrCreateState(StateDescriptor<S, ?> descriptor);

    /**
     * Calls {@code action} once for every key state {@code stateName} holds a value for, with that
     * key set as the current key. The action may read and write state, also of other keys.
     */
    void forEachKey(String stateName, KeyAction<K> action) throws Exception;

    /** What {@link #forEachKey} does with each key. */
    @FunctionalInterface
    interface KeyAction<K> {
        void apply(K key) throws Exception;
    }

    KeyGroupRange getKeyGroupRange();

    int getMaxParallelism();

    /** Releases everything the backend holds; it is not used afterwards. */
    void dispose();
}
