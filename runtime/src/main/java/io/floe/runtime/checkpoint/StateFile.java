package io.floe.runtime.checkpoint;

/**
 * A file of state a task wrote for a checkpoint, named relative to the checkpoint's directory so
 * that a savepoint can be moved. Keyed state files also say which key groups they hold.
 *
 * @param keyGroupStart the first key group in the file, or -1 for operator state
 * @param keyGroupEnd the last key group in the file, or -1 for operator state
 */
public record StateFile(String relativePath, long size, int keyGroupStart, int keyGroupEnd) {}
