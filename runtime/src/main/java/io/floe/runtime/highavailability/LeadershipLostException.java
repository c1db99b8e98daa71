package io.floe.runtime.highavailability;

import java.io.IOException;

/** This JobManager no longer leads (or cannot confirm that it does): it must not change durable HA data. */
public final class LeadershipLostException extends IOException {
    public LeadershipLostException(String message) {
        super(message);
    }

    public LeadershipLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
