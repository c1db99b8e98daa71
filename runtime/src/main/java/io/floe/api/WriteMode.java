package io.floe.api;

/** What {@code writeAsText} does when its path exists: fail before the job starts, or overwrite it. */
public enum WriteMode {
    NO_OVERWRITE,
    OVERWRITE
}
