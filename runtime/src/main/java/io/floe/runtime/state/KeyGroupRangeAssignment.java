package io.floe.runtime.state;

/**
 * Flink's key-group formulas, kept identical so keyed state stays partitioned the same way:
 * key group = murmur(key.hashCode()) mod maxParallelism; operator = keyGroup × parallelism / maxParallelism;
 * default max parallelism = min(max(roundUpToPowerOfTwo(1.5 × parallelism), 128), 32768).
 */
public final class KeyGroupRangeAssignment {
    public static final int DEFAULT_LOWER_BOUND_MAX_PARALLELISM = 1 << 7;
    public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

    private KeyGroupRangeAssignment() {}

    public static int assignKeyToOperator(Object key, int maxParallelism, int parallelism) {
        return computeOperatorIndexForKeyGroup(maxParallelism, parallelism, assignToKeyGroup(key, maxParallelism));
    }

    public static int assignToKeyGroup(Object key, int maxParallelism) {
        return murmurHash(key.hashCode()) % maxParallelism;
    }

    public static int computeOperatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroup) {
        return keyGroup * parallelism / maxParallelism;
    }

    /** The key groups subtask {@code operatorIndex} of {@code parallelism} owns (Flink's formula). */
    public static KeyGroupRange computeKeyGroupRangeForOperatorIndex(
            int maxParallelism, int parallelism, int operatorIndex) {
        if (parallelism < 1 || parallelism > maxParallelism) {
            throw new IllegalArgumentException(
                    "Parallelism " + parallelism + " must be between 1 and the max parallelism " + maxParallelism);
        }
        int start = ((operatorIndex * maxParallelism + parallelism - 1) / parallelism);
        int end = ((operatorIndex + 1) * maxParallelism - 1) / parallelism;
        return new KeyGroupRange(start, end);
    }

    public static int computeDefaultMaxParallelism(int parallelism) {
        int target = roundUpToPowerOfTwo(parallelism + parallelism / 2);
        return Math.min(Math.max(target, DEFAULT_LOWER_BOUND_MAX_PARALLELISM), UPPER_BOUND_MAX_PARALLELISM);
    }

    private static int roundUpToPowerOfTwo(int x) {
        return x <= 1 ? 1 : Integer.highestOneBit(x - 1) << 1;
    }

    /** MurmurHash3 (32 bit, seed 0) of one int, made non-negative. */
    static int murmurHash(int code) {
        int h = code * 0xcc9e2d51;
        h = Integer.rotateLeft(h, 15);
        h *= 0x1b873593;
        h = Integer.rotateLeft(h, 13);
        h = h * 5 + 0xe6546b64;
        h ^= 4;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        if (h >= 0) {
            return h;
        }
        return h != Integer.MIN_VALUE ? -h : 0;
    }
}
