package io.floe.api.functions.sink.filesystem;

import java.io.Serializable;

/** When a file sink closes the part file it writes and starts the next one. */
public interface RollingPolicy<IN, BucketID> extends Serializable {
    /** Asked at each checkpoint. Floe's file sink always rolls at a checkpoint, whatever this says. */
    boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState);

    /** Asked after each element is written. */
    boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element);

    /** Asked now and then with the current processing time. */
    boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime);
}
