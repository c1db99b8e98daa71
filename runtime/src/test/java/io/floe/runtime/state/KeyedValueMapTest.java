package io.floe.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyedValueMapTest {

    @Test
    void behavesLikeAHashMapThroughManyResizes() {
        KeyedValueMap<String, Long> map = new KeyedValueMap<>();
        Map<String, Long> reference = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            String key = "k" + random.nextInt(60_000);
            int slot = map.find(key);
            if (slot >= 0) {
                map.setValueAt(slot, map.valueAt(slot) + 1);
            } else {
                map.insertAt(slot, key, 1L);
            }
            reference.merge(key, 1L, Long::sum);
        }
        assertEquals(reference.size(), map.size());
        Map<String, Long> copied = new HashMap<>();
        map.forEach(copied::put);
        assertEquals(reference, copied);
        assertNull(map.get("absent"));
    }

    @Test
    void keepsTheFirstKeyInstanceAndHandlesCollidingHashes() {
        KeyedValueMap<Object, String> map = new KeyedValueMap<>();
        // "Aa" and "BB" share a hash code
        String first = new String("Aa");
        map.put(first, "x");
        map.put("BB", "y");
        map.put(new String("Aa"), "z");
        assertEquals(2, map.size());
        assertEquals("z", map.get("Aa"));
        assertEquals("y", map.get("BB"));
        assertSame(first, map.keyAt(map.find("Aa")));
        assertTrue(map.find("Ab") < 0);
    }

    @Test
    void removalsKeepEveryOtherKeyFindable() {
        KeyedValueMap<Integer, Integer> map = new KeyedValueMap<>();
        Map<Integer, Integer> reference = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 300_000; i++) {
            int key = random.nextInt(5_000); // few keys, long probe runs: removals shift entries often
            if (random.nextInt(3) == 0) {
                assertEquals(reference.remove(key) != null, map.remove(key), "remove " + key);
            } else {
                map.put(key, i);
                reference.put(key, i);
            }
        }
        assertEquals(reference.size(), map.size());
        for (Map.Entry<Integer, Integer> entry : reference.entrySet()) {
            assertEquals(entry.getValue(), map.get(entry.getKey()), "key " + entry.getKey());
        }
        Map<Integer, Integer> iterated = new HashMap<>();
        map.forEach(iterated::put);
        assertEquals(reference, iterated);
    }
}
