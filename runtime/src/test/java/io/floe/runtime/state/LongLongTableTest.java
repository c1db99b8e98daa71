package io.floe.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongLongTableTest {
    /** Inserts, updates and removes at random (growing the table many times) and compares with a HashMap. */
    @Test
    void behavesLikeAMapThroughGrowthAndRemovals() {
        LongLongTable table = new LongLongTable();
        Map<Long, Long> model = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            // small, negative, extreme and strided keys, so probe runs wrap and collide
            long key =
                    switch (random.nextInt(4)) {
                        case 0 -> random.nextInt(5_000);
                        case 1 -> -random.nextInt(5_000);
                        case 2 ->
                            random.nextBoolean()
                                    ? Long.MIN_VALUE + random.nextInt(3)
                                    : Long.MAX_VALUE - random.nextInt(3);
                        default -> (long) random.nextInt(5_000) << 32;
                    };
            int slot = table.find(key);
            if (random.nextInt(3) == 0) {
                if (slot >= 0) {
                    table.removeAt(slot);
                }
                model.remove(key);
            } else {
                long value = random.nextLong();
                if (slot >= 0) {
                    table.setValueAt(slot, value);
                } else {
                    int at = table.insertAt(slot, key, value);
                    assertEquals(at, table.find(key), "insertAt returns where the key now lives");
                }
                model.put(key, value);
            }
        }
        assertEquals(model.size(), table.size());
        model.forEach((key, value) -> {
            int slot = table.find(key);
            assertTrue(slot >= 0, "key " + key + " is in the table");
            assertEquals(value, table.valueAt(slot));
        });
        int taken = 0;
        for (int slot = 0; slot < table.capacity(); slot++) {
            if (table.isTaken(slot)) {
                taken++;
                assertEquals(model.get(table.keyAt(slot)), table.valueAt(slot));
            }
        }
        assertEquals(model.size(), taken);
    }

    @Test
    void aFrozenCopyKeepsItsValuesWhileTheTableChanges() {
        LongLongTable table = new LongLongTable();
        for (long key = 0; key < 1_000; key++) {
            table.insertAt(table.find(key), key, key * 10);
        }
        LongLongTable.Frozen frozen = table.freeze(LongCell.Type.LONG);
        for (long key = 0; key < 1_000; key++) {
            table.setValueAt(table.find(key), -1);
        }
        table.removeAt(table.find(5));
        long sum = 0;
        int entries = 0;
        for (int slot = 0; slot < frozen.capacity(); slot++) {
            if (frozen.isTaken(slot)) {
                assertEquals(frozen.keyAt(slot) * 10, frozen.valueAt(slot));
                sum += frozen.keyAt(slot);
                entries++;
            }
        }
        assertEquals(1_000, entries);
        assertEquals(1_000, frozen.size());
        assertEquals(999L * 1_000 / 2, sum);
    }
}
