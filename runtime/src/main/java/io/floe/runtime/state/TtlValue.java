package io.floe.runtime.state;

/** A state value with the time it was last written (or read, for update-on-read), for time-to-live. */
record TtlValue(Object value, long lastAccess) {}
