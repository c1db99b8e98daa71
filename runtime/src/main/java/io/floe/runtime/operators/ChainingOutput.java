package io.floe.runtime.operators;

/** Hands a record to the next operator of the chain by a direct call: no copy, no serialization. */
public final class ChainingOutput<T> implements Output<T> {
    private final StreamOperator<T, ?> next;

    public ChainingOutput(StreamOperator<T, ?> next) {
        this.next = next;
    }

    @Override
    public void collect(T record) {
        try {
            next.processElement(record);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(e);
        }
    }
}
