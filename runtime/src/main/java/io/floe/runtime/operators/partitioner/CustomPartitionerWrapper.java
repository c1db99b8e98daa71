package io.floe.runtime.operators.partitioner;

import io.floe.api.functions.KeySelector;
import io.floe.api.functions.Partitioner;
import io.floe.runtime.operators.ChainedOperatorException;

/**
 * {@code partitionCustom}: the user's {@link Partitioner} picks the consumer of each record's key.
 * A choice outside {@code [0, consumers)} fails the task, naming the key and the choice.
 */
public final class CustomPartitionerWrapper extends StreamPartitioner {
    private static final long serialVersionUID = 1L;
    private final Partitioner<Object> partitioner;
    private final KeySelector<Object, Object> keySelector;
    private transient int channels;

    @SuppressWarnings("unchecked")
    public CustomPartitionerWrapper(Partitioner<?> partitioner, KeySelector<?, ?> keySelector) {
        this.partitioner = (Partitioner<Object>) partitioner;
        this.keySelector = (KeySelector<Object, Object>) keySelector;
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
        int partition = partitioner.partition(key, channels);
        if (partition < 0 || partition >= channels) {
            throw new IllegalArgumentException(
                    "The custom partitioner " + partitioner.getClass().getName()
                            + " returned partition " + partition + " for key " + key + ", but it must be in [0, "
                            + channels + ") for the " + channels + " subtasks of the next operator.");
        }
        return partition;
    }

    @Override
    public StreamPartitioner copy() {
        return new CustomPartitionerWrapper(partitioner, keySelector);
    }

    @Override
    public String describe() {
        return "CUSTOM";
    }
}
