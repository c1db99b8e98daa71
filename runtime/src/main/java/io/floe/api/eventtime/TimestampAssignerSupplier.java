package io.floe.api.eventtime;

import java.io.Serializable;

/** Creates the {@link TimestampAssigner} of each subtask. */
@FunctionalInterface
public interface TimestampAssignerSupplier<T> extends Serializable {
    TimestampAssigner<T> createTimestampAssigner(Context context);

    /** What a supplier knows about the subtask it creates for (nothing yet besides its existence). */
    interface Context {}

    /** A supplier of one assigner that is shipped as it is. */
    static <T> TimestampAssignerSupplier<T> of(SerializableTimestampAssigner<T> assigner) {
        return context -> assigner;
    }
}
