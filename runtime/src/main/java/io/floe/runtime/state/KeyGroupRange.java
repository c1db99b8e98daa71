package io.floe.runtime.state;

/**
 * The contiguous key groups, {@code start} to {@code end} inclusive, one subtask of a keyed
 * operator owns. Keyed state is written per key group, so a restore at another parallelism hands
 * each subtask whole groups.
 */
public record KeyGroupRange(int start, int end) {
    public KeyGroupRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Not a key-group range: " + start + ".." + end);
        }
    }

    public boolean contains(int keyGroup) {
        return keyGroup >= start && keyGroup <= end;
    }

    public int size() {
        return end - start + 1;
    }
}
