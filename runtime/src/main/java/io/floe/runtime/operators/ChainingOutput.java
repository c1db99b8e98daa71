package io.floe.runtime.operators;

/** Hands a record to the next operator of the chain by a direct call: no copy, no serialization. */
public final class ChainingOutput<T> implements Output<T> {
    private final StreamOperator<T, ?> next;
    private final boolean keyed;

    private ChainingOutput(StreamOperator<T, ?> next) {
        this.next = next;
        this.keyed = next.isKeyed();
    }

    /** The output into {@code next}; when {@code next} is keyed, it sets each record's key first. */
    public static <T> ChainingOutput<T> to(StreamOperator<T, ?> next) {
        return new ChainingOutput<>(next);
    }

    @Override
    public void collect(T record) {
        try {
            if (keyed) {
                next.setKeyContextElement(record);
            }
            next.processElement(record);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(e);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        try {
            next.processWatermark(watermark);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(e);
        }
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
        next.processWatermarkStatus(idle);
    }
}
