package io.floe.runtime.network;

/**
 * What {@link InputGate#next} may return besides a record: something for the task itself (a
 * checkpoint barrier, the end of one channel during an alignment, a wake-up for its mailbox).
 * One {@code instanceof} check per record tells them apart.
 *
 * <p>A class, not an interface, on purpose: {@code record instanceof RuntimeEvent} is then a
 * constant-time look at the record's class hierarchy. Against an interface the JVM scans the
 * record class's list of interfaces on every failed check, and that one check per record made
 * keyed reduce (W2) about 50 % slower.
 */
public abstract class RuntimeEvent {}
