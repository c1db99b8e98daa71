package io.floe.benchmarks;

import io.floe.api.functions.MapFunction;
import io.floe.api.tuple.Tuple3;

/**
 * The events of W5 and W6, as the Flink anchor's {@code W5EventTimeWindows} makes them: number
 * {@code i} of the sequence becomes {@code (i % keys, eventTime(c), 1)}, where {@code c} counts the
 * records this subtask has seen. Every source subtask therefore advances through event time at the
 * same pace ({@code perMs} records per millisecond), and each event is moved back by a
 * pseudo-random jitter below {@code disorder} ms, which bounded out-of-orderness of
 * {@code disorder} ms absorbs: no event is late.
 *
 * <p>One instance per subtask (functions are deserialized per subtask), so the counter is the
 * subtask's own.
 */
final class WindowEventGenerator implements MapFunction<Long, Tuple3<Long, Long, Long>> {
    private static final long serialVersionUID = 1L;

    private final long keys;
    private final long perMs;
    private final long disorder;
    private long seen;

    WindowEventGenerator(long keys, long perMs, long disorder) {
        if (keys <= 0 || perMs <= 0 || disorder < 0) {
            throw new IllegalArgumentException("keys and perMs must be positive and disorder not negative, got keys="
                    + keys + " perMs=" + perMs + " disorder=" + disorder);
        }
        this.keys = keys;
        this.perMs = perMs;
        this.disorder = disorder;
    }

    @Override
    public Tuple3<Long, Long, Long> map(Long i) {
        return Tuple3.of(i % keys, eventTime(seen++, perMs, disorder), 1L);
    }

    /** The event time of a subtask's {@code c}-th record: {@code c / perMs} ms, minus the jitter, at least 0. */
    static long eventTime(long c, long perMs, long disorder) {
        long jitter = disorder <= 0 ? 0 : Math.floorMod(c * 2654435761L, disorder);
        return Math.max(0, c / perMs - jitter);
    }
}
