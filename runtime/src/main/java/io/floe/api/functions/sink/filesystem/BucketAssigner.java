package io.floe.api.functions.sink.filesystem;

import java.io.Serializable;

/**
 * Picks the bucket (the subdirectory of the sink's base path) an element is written to; the
 * bucket id's {@code toString()} is the directory name ("" for the base path itself).
 */
public interface BucketAssigner<IN, BucketID> extends Serializable {
    BucketID getBucketId(IN element, Context context);

    /** What a bucket assigner may use besides the element. */
    interface Context {
        long currentProcessingTime();

        long currentWatermark();

        /** The element's timestamp, or null when it has none. */
        Long timestamp();
    }
}
