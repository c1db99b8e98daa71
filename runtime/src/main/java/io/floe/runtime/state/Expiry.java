package io.floe.runtime.state;

import io.floe.api.state.StateDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is left of a state entry once its expired parts are gone, for the incremental cleanup and
 * for snapshots that leave expired values out. Never changes the entry it is given (a snapshot
 * writer shares entries with the running task): it returns the entry itself, a pruned copy, or
 * null when all of it expired.
 */
final class Expiry {
    private Expiry() {}

    @SuppressWarnings("unchecked")
    static Object withoutExpired(StateDescriptor.Type type, TtlPolicy ttl, Object entry, long now) {
        return switch (type) {
            case VALUE, REDUCING, AGGREGATING -> ttl.isExpired((TtlValue) entry, now) ? null : entry;
            case LIST -> withoutExpired((List<Object>) entry, ttl, now);
            case MAP -> withoutExpired((Map<Object, Object>) entry, ttl, now);
        };
    }

    private static Object withoutExpired(List<Object> elements, TtlPolicy ttl, long now) {
        List<Object> kept = null;
        for (int i = 0; i < elements.size(); i++) {
            boolean expired = ttl.isExpired((TtlValue) elements.get(i), now);
            if (expired && kept == null) {
                kept = new ArrayList<>(elements.subList(0, i));
            } else if (!expired && kept != null) {
                kept.add(elements.get(i));
            }
        }
        if (kept == null) {
            return elements;
        }
        return kept.isEmpty() ? null : kept;
    }

    private static Object withoutExpired(Map<Object, Object> map, TtlPolicy ttl, long now) {
        Map<Object, Object> kept = null;
        for (Map.Entry<Object, Object> entry : map.entrySet()) {
            if (ttl.isExpired((TtlValue) entry.getValue(), now)) {
                if (kept == null) {
                    kept = new HashMap<>(map);
                }
                kept.remove(entry.getKey());
            }
        }
        if (kept == null) {
            return map;
        }
        return kept.isEmpty() ? null : kept;
    }
}
