package io.floe.api.eventtime;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Wraps a generator and marks its input idle once no event came for {@code idleTimeout}, checked
 * at each periodic emit; the next event marks it active again. An idle input is left out of the
 * downstream minimum, so one empty source subtask does not hold back every window.
 */
public class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
    private final WatermarkGenerator<T> watermarks;
    private final long idleTimeoutNanos;
    private final LongSupplier nanoClock;
    private boolean eventSinceLastCheck;
    /** When the quiet period began (nanos), or -1 while events come. */
    private long quietSince = -1;

    private boolean idle;

    public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout) {
        this(watermarks, idleTimeout, System::nanoTime);
    }

    WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout, LongSupplier nanoClock) {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("The idle timeout must be positive, got " + idleTimeout);
        }
        this.watermarks = watermarks;
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        watermarks.onEvent(event, eventTimestamp, output);
        eventSinceLastCheck = true;
        if (idle) {
            idle = false;
            output.markActive();
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (eventSinceLastCheck) {
            eventSinceLastCheck = false;
            quietSince = -1;
            watermarks.onPeriodicEmit(output);
            return;
        }
        if (idle) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (quietSince < 0) {
            quietSince = now;
            watermarks.onPeriodicEmit(output);
        } else if (now - quietSince >= idleTimeoutNanos) {
            idle = true;
            output.markIdle();
        } else {
            watermarks.onPeriodicEmit(output);
        }
    }
}
