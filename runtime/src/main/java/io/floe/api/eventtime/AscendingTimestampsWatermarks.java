package io.floe.api.eventtime;

import java.time.Duration;

/** Watermarks for timestamps that never go back: {@link BoundedOutOfOrdernessWatermarks} with no disorder. */
public class AscendingTimestampsWatermarks<T> extends BoundedOutOfOrdernessWatermarks<T> {
    public AscendingTimestampsWatermarks() {
        super(Duration.ZERO);
    }
}
