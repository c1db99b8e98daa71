package io.floe.runtime.operators;

import io.floe.api.functions.ReduceFunction;
import io.floe.api.tuple.Tuple2;

/**
 * {@code sum(pos)} on {@link Tuple2} streams: adds field {@code pos} and keeps the other field of
 * the first record, as Flink does. Works for Long, Integer, Double, Float, Short and Byte fields.
 */
public final class SumReduceFunction<T> implements ReduceFunction<T> {
    private static final long serialVersionUID = 1L;
    private final int position;

    public SumReduceFunction(int position) {
        if (position != 0 && position != 1) {
            throw new IllegalArgumentException("sum(" + position + "): a Tuple2 has fields 0 and 1.");
        }
        this.position = position;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T reduce(T value1, T value2) {
        if (!(value1 instanceof Tuple2) || !(value2 instanceof Tuple2)) {
            throw new IllegalArgumentException("sum(" + position + ") needs Tuple2 records, got "
                    + value1.getClass().getName());
        }
        Tuple2<Object, Object> a = (Tuple2<Object, Object>) value1;
        Tuple2<Object, Object> b = (Tuple2<Object, Object>) value2;
        Object sum = add(a.getField(position), b.getField(position));
        Tuple2<Object, Object> result = Tuple2.of(a.f0, a.f1);
        result.setField(sum, position);
        return (T) result;
    }

    private Object add(Object x, Object y) {
        if (x instanceof Long) return (Long) x + ((Number) y).longValue();
        if (x instanceof Integer) return (Integer) x + ((Number) y).intValue();
        if (x instanceof Double) return (Double) x + ((Number) y).doubleValue();
        if (x instanceof Float) return (Float) x + ((Number) y).floatValue();
        if (x instanceof Short) return (short) ((Short) x + ((Number) y).shortValue());
        if (x instanceof Byte) return (byte) ((Byte) x + ((Number) y).byteValue());
        throw new IllegalArgumentException("sum(" + position + "): field " + position + " holds "
                + (x == null ? "null" : x.getClass().getName()) + ", not a number.");
    }
}
