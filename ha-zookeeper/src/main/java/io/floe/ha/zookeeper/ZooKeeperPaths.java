package io.floe.ha.zookeeper;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;

/**
 * Where one cluster's nodes are: {@code <path.root>/<cluster-id>/} holding {@code latch} (the
 * election), {@code leader} (the leader's addresses, an ephemeral node of its session) and
 * {@code owner} (which cluster uses this id).
 */
record ZooKeeperPaths(String cluster) {
    static ZooKeeperPaths of(Configuration configuration) {
        String root = trimSlashes(configuration.get(ClusterOptions.HA_ZOOKEEPER_ROOT));
        String clusterId = trimSlashes(configuration.get(ClusterOptions.HA_CLUSTER_ID));
        StringBuilder path = new StringBuilder();
        if (!root.isEmpty()) {
            path.append('/').append(root);
        }
        if (!clusterId.isEmpty()) {
            path.append('/').append(clusterId);
        }
        return new ZooKeeperPaths(path.length() == 0 ? "/floe" : path.toString());
    }

    private static String trimSlashes(String value) {
        String trimmed = value.trim();
        int start = 0;
        int end = trimmed.length();
        while (start < end && trimmed.charAt(start) == '/') {
            start++;
        }
        while (end > start && trimmed.charAt(end - 1) == '/') {
            end--;
        }
        return trimmed.substring(start, end);
    }

    String latch() {
        return cluster + "/latch";
    }

    String leader() {
        return cluster + "/leader";
    }

    String owner() {
        return cluster + "/owner";
    }
}
