package io.floe.runtime.operators;

import io.floe.api.TimerService;
import java.util.function.LongSupplier;

/**
 * The {@link TimerService} of a {@code ProcessFunction} on a stream that is not keyed: it tells the
 * processing time and the current watermark, and refuses timers with Flink's message (timers need
 * a key: use {@code keyBy(...).process(KeyedProcessFunction)}).
 */
public final class UnsupportedTimerService implements TimerService {
    private final LongSupplier watermark;

    public UnsupportedTimerService(LongSupplier watermark) {
        this.watermark = watermark;
    }

    @Override
    public long currentProcessingTime() {
        return System.currentTimeMillis();
    }

    @Override
    public long currentWatermark() {
        return watermark.getAsLong();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
    }
}
