package io.floe.runtime.operators.partitioner;

/** Subtask i sends to subtask i; used between operators of equal parallelism. */
public final class ForwardPartitioner extends StreamPartitioner {
    private static final long serialVersionUID = 1L;
    private transient int channel;

    @Override
    public void setup(int producerSubtaskIndex, int producerParallelism, int numberOfChannels) {
        if (producerParallelism != numberOfChannels) {
            throw new IllegalStateException("A forward edge needs equal parallelism on both sides, but "
                    + producerParallelism + " subtasks feed " + numberOfChannels + ".");
        }
        channel = producerSubtaskIndex;
    }

    @Override
    public int selectChannel(Object record) {
        return channel;
    }

    @Override
    public boolean isForward() {
        return true;
    }

    @Override
    public StreamPartitioner copy() {
        return new ForwardPartitioner();
    }

    @Override
    public String describe() {
        return "FORWARD";
    }
}
