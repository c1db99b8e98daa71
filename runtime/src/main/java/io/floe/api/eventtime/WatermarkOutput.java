package io.floe.api.eventtime;

/** Where a {@link WatermarkGenerator} emits watermarks and says whether its input is idle. */
public interface WatermarkOutput {
    /** Emits {@code watermark} unless it is not above the last one emitted (event time never goes back). */
    void emitWatermark(Watermark watermark);

    /** This input has no data for now: downstream leaves it out of the minimum until it emits again. */
    void markIdle();

    /** This input has data again (emitting a watermark marks it active too). */
    void markActive();
}
