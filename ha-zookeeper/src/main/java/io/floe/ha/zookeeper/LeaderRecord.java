package io.floe.ha.zookeeper;

import io.floe.runtime.highavailability.LeaderRetrieval.Leader;
import java.nio.charset.StandardCharsets;

/** The content of the {@code leader} node: token, ResourceManager address and REST URL, one per line. */
final class LeaderRecord {
    private LeaderRecord() {}

    static byte[] encode(Leader leader) {
        String restUrl = leader.restUrl() == null ? "" : leader.restUrl();
        return (leader.token() + "\n" + leader.resourceManagerAddress() + "\n" + restUrl + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The leader in {@code data}, or null if it is not a whole record (an older or foreign writer). */
    static Leader decode(byte[] data) {
        if (data == null) {
            return null;
        }
        String[] lines = new String(data, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length < 3 || lines[0].isBlank() || lines[1].isBlank()) {
            return null;
        }
        String restUrl = lines[2].isBlank() ? null : lines[2].trim();
        return new Leader(lines[1].trim(), lines[0].trim(), restUrl);
    }
}
