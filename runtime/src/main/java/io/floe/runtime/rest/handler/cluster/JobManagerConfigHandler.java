package io.floe.runtime.rest.handler.cluster;

import io.floe.runtime.rest.handler.HandlerRequest;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestResponse;
import io.floe.runtime.rest.messages.ConfigurationEntry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /jobmanager/config}: the JobManager's configuration as {@code [{"key","value"}]},
 * sorted by key. The caller decides what to show: pass a map without secrets.
 */
public final class JobManagerConfigHandler implements RestHandler {
    private final List<ConfigurationEntry> entries;

    public JobManagerConfigHandler(Map<String, String> configuration) {
        this.entries = new TreeMap<>(configuration)
                .entrySet().stream()
                        .map(e -> new ConfigurationEntry(e.getKey(), e.getValue()))
                        .toList();
    }

    @Override
    public CompletableFuture<RestResponse> handle(HandlerRequest request) {
        return CompletableFuture.completedFuture(RestResponse.ok(entries));
    }
}
