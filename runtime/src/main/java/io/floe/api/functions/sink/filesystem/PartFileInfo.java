package io.floe.api.functions.sink.filesystem;

/** What a rolling policy knows about the part file being written. */
public interface PartFileInfo<BucketID> {
    BucketID getBucketId();

    long getCreationTime();

    long getSize();

    long getLastUpdateTime();
}
