/**
 * {@code high-availability.type: zookeeper}: standby JobManagers elect a leader with a Curator
 * {@code LeaderLatch}; the leader publishes its addresses in an ephemeral node of its session, which
 * TaskManagers and clients read. Data stays in {@code high-availability.storageDir}.
 */
package io.floe.ha.zookeeper;
