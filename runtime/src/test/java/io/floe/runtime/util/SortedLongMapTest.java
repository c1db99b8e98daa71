package io.floe.runtime.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SortedLongMapTest {

    @Test
    void behavesLikeATreeMapUnderRandomPutsAndRemoves() {
        Random random = new Random(42);
        for (int bound : new int[] {6, 40}) { // few keys (the scan) and many (the bisection)
            SortedLongMap<Integer> map = new SortedLongMap<>(1);
            TreeMap<Long, Integer> expected = new TreeMap<>();
            for (int step = 0; step < 20_000; step++) {
                long key = random.nextInt(bound) - bound / 2;
                if (random.nextInt(3) == 0) {
                    assertEquals(expected.remove(key), map.remove(key));
                } else {
                    expected.put(key, step);
                    int index = map.indexOf(key);
                    if (step % 2 == 0) {
                        map.put(key, step);
                    } else if (index >= 0) {
                        map.setValueAt(index, step);
                    } else {
                        map.insertAt(index, key, step);
                    }
                }
                assertEquals(expected.size(), map.size());
                assertEquals(expected.get(key), map.get(key));
            }
            int i = 0;
            for (var entry : expected.entrySet()) {
                assertEquals(entry.getKey(), map.keyAt(i));
                assertEquals(entry.getValue(), map.valueAt(i));
                assertEquals(i, map.indexOf(entry.getKey()));
                i++;
            }
        }
    }

    @Test
    void indexOfAnAbsentKeyGivesItsInsertionPoint() {
        SortedLongMap<String> map = new SortedLongMap<>();
        map.put(10, "a");
        map.put(30, "c");
        assertEquals(-1, map.indexOf(5));
        assertEquals(-2, map.indexOf(20));
        assertEquals(-3, map.indexOf(40));
        assertNull(map.get(20));
    }

    @Test
    void insertAtRefusesAPlaceThatIsNotTheKeys() {
        SortedLongMap<String> map = new SortedLongMap<>();
        map.put(10, "a");
        map.put(30, "c");
        assertThrows(IllegalArgumentException.class, () -> map.insertAt(-1, 20, "b"), "20 goes after 10");
        assertThrows(IllegalArgumentException.class, () -> map.insertAt(1, 20, "b"), "an index of a present key");
        map.insertAt(map.indexOf(20), 20, "b");
        assertEquals("{10=a, 20=b, 30=c}", map.toString());
    }

    @Test
    void emptiesAndRefusesIndexesPastItsSize() {
        SortedLongMap<String> map = new SortedLongMap<>();
        map.put(1, "x");
        map.remove(1);
        assertTrue(map.isEmpty());
        assertThrows(IndexOutOfBoundsException.class, () -> map.valueAt(0));
    }
}
