package io.floe.runtime.rpc;

import java.util.UUID;

/**
 * Fencing tokens of leader-elected components. Without high availability there is one leader
 * forever, so the ResourceManager and Dispatcher use the well-known default token (as Flink does);
 * every JobMaster run gets a fresh random token, so messages meant for a previous run are refused.
 */
public final class FencingTokens {
    public static final UUID DEFAULT_LEADER_ID = new UUID(0L, 0L);

    private FencingTokens() {}
}
