package io.floe.api.eventtime;

import java.io.Serializable;

/** Creates the {@link WatermarkGenerator} of each subtask. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {
    WatermarkGenerator<T> createWatermarkGenerator(Context context);

    /** What a supplier knows about the subtask it creates for (nothing yet besides its existence). */
    interface Context {}
}
