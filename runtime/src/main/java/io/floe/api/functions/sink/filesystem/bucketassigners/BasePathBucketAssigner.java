package io.floe.api.functions.sink.filesystem.bucketassigners;

import io.floe.api.functions.sink.filesystem.BucketAssigner;

/** Writes every element into the sink's base path itself. */
public class BasePathBucketAssigner<T> implements BucketAssigner<T, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(T element, Context context) {
        return "";
    }

    @Override
    public String toString() {
        return "BasePathBucketAssigner";
    }
}
