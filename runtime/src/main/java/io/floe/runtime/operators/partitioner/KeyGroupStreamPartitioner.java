package io.floe.runtime.operators.partitioner;

import io.floe.api.functions.KeySelector;
import io.floe.runtime.operators.ChainedOperatorException;
import io.floe.runtime.state.KeyGroupRangeAssignment;

/** Sends each record to the subtask owning its key's key group (see {@link KeyGroupRangeAssignment}). */
public final class KeyGroupStreamPartitioner extends StreamPartitioner {
    private static final long serialVersionUID = 1L;
    private final KeySelector<Object, ?> keySelector;
    private final int maxParallelism;
    private transient int channels;

    @SuppressWarnings("unchecked")
    public KeyGroupStreamPartitioner(KeySelector<?, ?> keySelector, int maxParallelism) {
        this.keySelector = (KeySelector<Object, ?>) keySelector;
        this.maxParallelism = maxParallelism;
    }

    /** The same key selector, routing over the consumer's key groups. */
    public KeyGroupStreamPartitioner withMaxParallelism(int maxParallelism) {
        return new KeyGroupStreamPartitioner(keySelector, maxParallelism);
    }

    @Override
    public void setup(int producerSubtaskIndex, int producerParallelism, int numberOfChannels) {
        channels = numberOfChannels;
    }

    @Override
    public int selectChannel(Object record) {
        Object key;
        try {
            key = keySelector.getKey(record);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(e);
        }
        if (key == null) {
            throw new NullPointerException(
                    "The key selector returned null for record " + record + "; keys must not be null.");
        }
        return KeyGroupRangeAssignment.assignKeyToOperator(key, maxParallelism, channels);
    }

    @Override
    public StreamPartitioner copy() {
        return new KeyGroupStreamPartitioner(keySelector, maxParallelism);
    }

    @Override
    public String describe() {
        return "HASH";
    }
}
