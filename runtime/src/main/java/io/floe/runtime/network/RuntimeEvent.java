package io.floe.runtime.network;

/**
 * What {@link InputGate#next} may return besides a record: something for the task itself (a
 * checkpoint barrier, the end of one channel during an alignment, a wake-up for its mailbox).
 * One {@code instanceof} check per record tells them apart.
 */
public interface RuntimeEvent {}
