package io.floe.api.tuple;

import java.io.Serializable;
import java.util.Objects;

/**
 * A quadruple with public, mutable fields, as in Flink: {@code t.f0} to {@code t.f3}.
 * {@link #toString()} prints {@code (a,b,c,d)}, the format users grep for in job output.
 */
public final class Tuple4<T0, T1, T2, T3> implements Serializable {
    private static final long serialVersionUID = 1L;

    public T0 f0;
    public T1 f1;
    public T2 f2;
    public T3 f3;

    public Tuple4() {}

    public Tuple4(T0 f0, T1 f1, T2 f2, T3 f3) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
    }

    public static <T0, T1, T2, T3> Tuple4<T0, T1, T2, T3> of(T0 f0, T1 f1, T2 f2, T3 f3) {
        return new Tuple4<>(f0, f1, f2, f3);
    }

    /** Field by position (0 to 3), for position-based operations such as {@code sum(1)}. */
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0:
                return (T) f0;
            case 1:
                return (T) f1;
            case 2:
                return (T) f2;
            case 3:
                return (T) f3;
            default:
                throw new IndexOutOfBoundsException("Tuple4 has fields 0 to 3, not " + pos);
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
            case 2:
                f2 = (T2) value;
                break;
            case 3:
                f3 = (T3) value;
                break;
            default:
                throw new IndexOutOfBoundsException("Tuple4 has fields 0 to 3, not " + pos);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Tuple4)) return false;
        Tuple4<?, ?, ?, ?> other = (Tuple4<?, ?, ?, ?>) o;
        return Objects.equals(f0, other.f0)
                && Objects.equals(f1, other.f1)
                && Objects.equals(f2, other.f2)
                && Objects.equals(f3, other.f3);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Objects.hashCode(f0) + Objects.hashCode(f1)) + Objects.hashCode(f2))
                + Objects.hashCode(f3);
    }

    @Override
    public String toString() {
        return "(" + f0 + "," + f1 + "," + f2 + "," + f3 + ")";
    }
}
