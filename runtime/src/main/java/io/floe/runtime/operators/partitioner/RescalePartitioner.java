package io.floe.runtime.operators.partitioner;

/**
 * Round-robin over the consumers that belong to this producer, as Flink's pointwise edge: with
 * fewer producers than consumers, producer i owns consumers {@code [i*c/p, (i+1)*c/p)}; with more,
 * several producers share consumer {@code i*c/p}. The network still connects every pair; a
 * producer only writes to its own consumers, so rescaling moves no record across the others.
 */
public final class RescalePartitioner extends StreamPartitioner {
    private static final long serialVersionUID = 1L;
    private transient int first;
    private transient int count;
    private transient int next;

    @Override
    public void setup(int producerSubtaskIndex, int producerParallelism, int numberOfChannels) {
        if (producerParallelism <= numberOfChannels) {
            first = (int) ((long) producerSubtaskIndex * numberOfChannels / producerParallelism);
            int end = (int) ((long) (producerSubtaskIndex + 1) * numberOfChannels / producerParallelism);
            count = end - first;
        } else {
            first = (int) ((long) producerSubtaskIndex * numberOfChannels / producerParallelism);
            count = 1;
        }
        next = 0;
    }

    @Override
    public int selectChannel(Object record) {
        int channel = first + next;
        next = next + 1 == count ? 0 : next + 1;
        return channel;
    }

    @Override
    public StreamPartitioner copy() {
        return new RescalePartitioner();
    }

    @Override
    public String describe() {
        return "RESCALE";
    }
}
