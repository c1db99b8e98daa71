package io.floe.api.tuple;

import java.io.Serializable;
import java.util.Objects;

/**
 * A pair with public, mutable fields, as in Flink: {@code t.f0}, {@code t.f1}.
 * {@link #toString()} prints {@code (a,b)}, the format users grep for in job output.
 */
public final class Tuple2<T0, T1> implements Serializable {
    private static final long serialVersionUID = 1L;

    public T0 f0;
    public T1 f1;

    public Tuple2() {}

    public Tuple2(T0 f0, T1 f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    public static <T0, T1> Tuple2<T0, T1> of(T0 f0, T1 f1) {
        return new Tuple2<>(f0, f1);
    }

    /** Field by position (0 or 1), for position-based operations such as {@code sum(1)}. */
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0:
                return (T) f0;
            case 1:
                return (T) f1;
            default:
                throw new IndexOutOfBoundsException("Tuple2 has fields 0 and 1, not " + pos);
        }
    }

    @SuppressWarnings("unchecked")
    public void setField(Object value, int pos) {
        switch (pos) {
            case 0:
                f0 = (T0) value;
                break;
            case 1:
                f1 = (T1) value;
                break;
            default:
                throw new IndexOutOfBoundsException("Tuple2 has fields 0 and 1, not " + pos);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Tuple2)) return false;
        Tuple2<?, ?> other = (Tuple2<?, ?>) o;
        return Objects.equals(f0, other.f0) && Objects.equals(f1, other.f1);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(f0) + Objects.hashCode(f1);
    }

    @Override
    public String toString() {
        return "(" + f0 + "," + f1 + ")";
    }
}
