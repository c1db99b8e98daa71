package io.floe.runtime.operators.partitioner;

import java.util.concurrent.ThreadLocalRandom;

/** Each record to a consumer chosen uniformly at random. */
public final class ShufflePartitioner extends StreamPartitioner {
    private static final long serialVersionUID = 1L;
    private transient int channels;

    @Override
    public void setup(int producerSubtaskIndex, int producerParallelism, int numberOfChannels) {
        channels = numberOfChannels;
    }

    @Override
    public int selectChannel(Object record) {
        return ThreadLocalRandom.current().nextInt(channels);
    }

    @Override
    public StreamPartitioner copy() {
        return new ShufflePartitioner();
    }

    @Override
    public String describe() {
        return "SHUFFLE";
    }
}
