/**
 * Keyed state of a task's operators: the {@link io.floe.runtime.state.KeyedStateBackend} a keyed
 * operator sets the current key on, and its heap implementation
 * ({@link io.floe.runtime.state.HeapKeyedStateBackend}, {@code state.backend.type: hashmap}) with
 * value, list, map, reducing and aggregating state and their time-to-live. Key groups
 * ({@link io.floe.runtime.state.KeyGroupRangeAssignment}) decide which subtask owns a key, for the
 * network's keyBy as for the state. Everything here is owned by the task's thread.
 */
package io.floe.runtime.state;
