package io.floe.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyGroupRangeAssignmentTest {

    @Test
    void defaultMaxParallelismFollowsFlinksFormula() {
        assertEquals(128, KeyGroupRangeAssignment.computeDefaultMaxParallelism(1));
        assertEquals(128, KeyGroupRangeAssignment.computeDefaultMaxParallelism(2));
        assertEquals(128, KeyGroupRangeAssignment.computeDefaultMaxParallelism(85));
        assertEquals(256, KeyGroupRangeAssignment.computeDefaultMaxParallelism(86));
        assertEquals(256, KeyGroupRangeAssignment.computeDefaultMaxParallelism(100));
        assertEquals(32768, KeyGroupRangeAssignment.computeDefaultMaxParallelism(30000));
    }

    @Test
    void everySubtaskOwnsAContiguousRangeOfKeyGroups() {
        int maxParallelism = 128;
        int parallelism = 3;
        int previous = 0;
        for (int keyGroup = 0; keyGroup < maxParallelism; keyGroup++) {
            int operator =
                    KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(maxParallelism, parallelism, keyGroup);
            assertTrue(operator == previous || operator == previous + 1, "ranges must be contiguous");
            previous = operator;
        }
        assertEquals(parallelism - 1, previous);
    }

    @Test
    void keysSpreadOverKeyGroupsAndStayInRange() {
        int[] perOperator = new int[4];
        for (long key = 0; key < 100_000; key++) {
            int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, 128);
            assertTrue(keyGroup >= 0 && keyGroup < 128);
            perOperator[KeyGroupRangeAssignment.assignKeyToOperator(key, 128, 4)]++;
        }
        for (int count : perOperator) {
            assertTrue(count > 20_000 && count < 30_000, "skewed: " + count);
        }
    }

    @Test
    void murmurHashIsNonNegativeAndMixes() {
        assertTrue(KeyGroupRangeAssignment.murmurHash(Integer.MIN_VALUE) >= 0);
        assertTrue(KeyGroupRangeAssignment.murmurHash(-1) >= 0);
        assertTrue(KeyGroupRangeAssignment.murmurHash(1) != KeyGroupRangeAssignment.murmurHash(2));
    }
}
