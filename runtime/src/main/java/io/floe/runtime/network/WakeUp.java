package io.floe.runtime.network;

/**
 * What {@link InputGate#next} returns after {@link InputGate#wakeUp()}: the task has mail (a
 * checkpoint notification) to handle on its own thread, even while no record arrives.
 */
public final class WakeUp extends RuntimeEvent {
    public static final WakeUp INSTANCE = new WakeUp();

    private WakeUp() {}

    @Override
    public String toString() {
        return "WakeUp";
    }
}
