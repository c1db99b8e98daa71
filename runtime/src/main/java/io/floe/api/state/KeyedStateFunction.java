package io.floe.api.state;

/** What {@code applyToKeyedState} does with the state of each key that has it. */
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {
    void process(K key, S state) throws Exception;
}
