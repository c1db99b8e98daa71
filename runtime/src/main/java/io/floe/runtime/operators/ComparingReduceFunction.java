package io.floe.runtime.operators;

import io.floe.api.functions.ReduceFunction;
import io.floe.api.tuple.Tuple2;

/**
 * {@code min}, {@code max}, {@code minBy} and {@code maxBy} of field {@code pos} of {@link Tuple2}
 * records, as Flink defines them: {@code min}/{@code max} keep the other field of the first record
 * and set field {@code pos} to the extreme; {@code minBy}/{@code maxBy} keep the whole record that
 * holds it (the first of equal ones).
 */
public final class ComparingReduceFunction<T> implements ReduceFunction<T> {
    private static final long serialVersionUID = 1L;

    /** Which extreme, and whether the whole record holding it is kept. */
    public enum Kind {
        MIN("min", false, false),
        MAX("max", true, false),
        MIN_BY("minBy", false, true),
        MAX_BY("maxBy", true, true);

        private final String method;
        private final boolean largest;
        private final boolean wholeRecord;

        Kind(String method, boolean largest, boolean wholeRecord) {
            this.method = method;
            this.largest = largest;
            this.wholeRecord = wholeRecord;
        }
    }

    private final Kind kind;
    private final int position;

    public ComparingReduceFunction(Kind kind, int position) {
        if (position != 0 && position != 1) {
            throw new IllegalArgumentException(kind.method + "(" + position + "): a Tuple2 has fields 0 and 1.");
        }
        this.kind = kind;
        this.position = position;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T reduce(T value1, T value2) {
        if (!(value1 instanceof Tuple2<?, ?> a) || !(value2 instanceof Tuple2<?, ?> b)) {
            throw new IllegalArgumentException(kind.method + "(" + position + ") needs Tuple2 records, got "
                    + value1.getClass().getName());
        }
        Comparable<Object> x = comparable(a.getField(position));
        Object y = b.getField(position);
        int order = x.compareTo(y);
        boolean secondWins = kind.largest ? order < 0 : order > 0;
        if (kind.wholeRecord) {
            return secondWins ? value2 : value1;
        }
        Tuple2<Object, Object> result = Tuple2.of(a.f0, a.f1);
        result.setField(secondWins ? y : x, position);
        return (T) result;
    }

    @SuppressWarnings("unchecked")
    private Comparable<Object> comparable(Object field) {
        if (field instanceof Comparable<?> comparable) {
            return (Comparable<Object>) comparable;
        }
        throw new IllegalArgumentException(kind.method + "(" + position + "): field " + position + " holds "
                + (field == null ? "null" : field.getClass().getName()) + ", which is not Comparable.");
    }
}
