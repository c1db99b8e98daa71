package io.floe.runtime.network;

/**
 * What {@link InputGate#next} returns when a channel reaches its end while other channels are
 * blocked: the barrier alignment that blocked them then stops waiting for this one.
 */
public record EndOfChannel(int channelIndex) implements RuntimeEvent {}
