package io.floe.runtime.network;

/**
 * What {@link InputGate#next} returns when a channel reaches its end while other channels are
 * blocked: the barrier alignment that blocked them then stops waiting for this one.
 */
public final class EndOfChannel extends RuntimeEvent {
    private final int channelIndex;

    public EndOfChannel(int channelIndex) {
        this.channelIndex = channelIndex;
    }

    public int channelIndex() {
        return channelIndex;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EndOfChannel end && end.channelIndex == channelIndex;
    }

    @Override
    public int hashCode() {
        return channelIndex;
    }

    @Override
    public String toString() {
        return "EndOfChannel[channelIndex=" + channelIndex + "]";
    }
}
