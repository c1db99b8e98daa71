package io.floe.runtime.operators.partitioner;

/** Every record to every consumer subtask; the record writer broadcasts it (see {@link #isBroadcast()}). */
public final class BroadcastPartitioner extends StreamPartitioner {
    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(Object record) {
        throw new UnsupportedOperationException("A broadcast edge writes every record to every channel.");
    }

    @Override
    public boolean isBroadcast() {
        return true;
    }

    @Override
    public StreamPartitioner copy() {
        return new BroadcastPartitioner();
    }

    @Override
    public String describe() {
        return "BROADCAST";
    }
}
