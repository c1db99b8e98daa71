package io.floe.runtime.state;

/** Reads a single-value entry (value, reducing, aggregating state) with its time-to-live applied. */
final class TimedEntries {
    private TimedEntries() {}

    /**
     * The value in {@code entry}, or null when there is none or it expired (then it is removed;
     * with {@code ReturnExpiredIfNotCleanedUp} this last read still returns it to the user).
     */
    static Object read(AbstractHeapState<?> state, Object entry) {
        return read(state, entry, true);
    }

    /** The value to fold a new one into: an expired value is never folded in, whatever the visibility. */
    static Object readForUpdate(AbstractHeapState<?> state, Object entry) {
        return read(state, entry, false);
    }

    private static Object read(AbstractHeapState<?> state, Object entry, boolean forUser) {
        if (entry == null || state.ttl == null) {
            return entry;
        }
        TtlValue timed = (TtlValue) entry;
        long now = state.ttl.now();
        if (state.ttl.isExpired(timed, now)) {
            state.removeCurrent();
            return forUser && state.ttl.returnsExpired() ? timed.value() : null;
        }
        if (state.ttl.refreshesOnRead()) {
            state.store(new TtlValue(timed.value(), now));
        }
        return timed.value();
    }
}
