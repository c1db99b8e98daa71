package io.floe.runtime.operators.partitioner;

import java.util.concurrent.ThreadLocalRandom;

/** Round-robin over all consumers, starting at a random one so producers do not pile up. */
public final class RebalancePartitioner extends StreamPartitioner {
    private static final long serialVersionUID = 1L;
    private transient int next;
    private transient int channels;

    @Override
    public void setup(int producerSubtaskIndex, int producerParallelism, int numberOfChannels) {
        channels = numberOfChannels;
        next = ThreadLocalRandom.current().nextInt(numberOfChannels);
    }

    @Override
    public int selectChannel(Object record) {
        int channel = next;
        next = channel + 1 == channels ? 0 : channel + 1;
        return channel;
    }

    @Override
    public StreamPartitioner copy() {
        return new RebalancePartitioner();
    }

    @Override
    public String describe() {
        return "REBALANCE";
    }
}
