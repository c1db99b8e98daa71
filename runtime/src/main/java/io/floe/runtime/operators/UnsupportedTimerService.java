package io.floe.runtime.operators;

import io.floe.api.TimerService;

/**
 * The {@link TimerService} of process functions until Floe has event time and timers: it tells
 * the processing time, says no watermark has arrived, and refuses timers with a message that
 * says why.
 */
final class UnsupportedTimerService implements TimerService {
    static final UnsupportedTimerService NOT_KEYED =
            new UnsupportedTimerService(UNSUPPORTED_REGISTER_TIMER_MSG, UNSUPPORTED_DELETE_TIMER_MSG);
    static final UnsupportedTimerService KEYED = new UnsupportedTimerService(
            "Floe does not support timers yet (they come with event time); registerEventTimeTimer and"
                    + " registerProcessingTimeTimer cannot be used.",
            "Floe does not support timers yet (they come with event time); there is no timer to delete.");

    private final String registerMessage;
    private final String deleteMessage;

    private UnsupportedTimerService(String registerMessage, String deleteMessage) {
        this.registerMessage = registerMessage;
        this.deleteMessage = deleteMessage;
    }

    @Override
    public long currentProcessingTime() {
        return System.currentTimeMillis();
    }

    @Override
    public long currentWatermark() {
        return Long.MIN_VALUE;
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        throw new UnsupportedOperationException(registerMessage);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        throw new UnsupportedOperationException(registerMessage);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        throw new UnsupportedOperationException(deleteMessage);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        throw new UnsupportedOperationException(deleteMessage);
    }
}
