package io.floe.runtime.operators.partitioner;

/** Every record to the first consumer subtask (index 0). */
public final class GlobalPartitioner extends StreamPartitioner {
    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(Object record) {
        return 0;
    }

    @Override
    public StreamPartitioner copy() {
        return new GlobalPartitioner();
    }

    @Override
    public String describe() {
        return "GLOBAL";
    }
}
