package io.floe.runtime.network;

/**
 * What {@link InputGate#next} returns after {@link InputGate#wakeUp()}: the task has mail (a
 * checkpoint notification) to handle on its own thread, even while no record arrives.
 */
public enum WakeUp implements RuntimeEvent {
    INSTANCE
}
