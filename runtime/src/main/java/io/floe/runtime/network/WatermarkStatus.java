package io.floe.runtime.network;

/**
 * That a channel's producer has no data for now ({@link #IDLE}) or has again ({@link #ACTIVE}):
 * an idle channel is left out of its consumer's watermark minimum. Flink's {@code WatermarkStatus}.
 */
public final class WatermarkStatus extends RuntimeEvent {
    public static final WatermarkStatus IDLE = new WatermarkStatus(true);
    public static final WatermarkStatus ACTIVE = new WatermarkStatus(false);

    private final boolean idle;

    private WatermarkStatus(boolean idle) {
        this.idle = idle;
    }

    public static WatermarkStatus of(boolean idle) {
        return idle ? IDLE : ACTIVE;
    }

    public boolean isIdle() {
        return idle;
    }

    @Override
    public String toString() {
        return idle ? "IDLE" : "ACTIVE";
    }
}
