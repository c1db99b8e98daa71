package io.floe.runtime.rest.handler.cluster;

import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.rest.handler.HandlerRequest;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestResponse;
import io.floe.runtime.rest.handler.ServerVersion;
import io.floe.runtime.rest.messages.ClusterOverviewInfo;
import io.floe.runtime.webmonitor.ClusterOverview;
import java.util.concurrent.CompletableFuture;

/** {@code GET /overview}: TaskManagers, slots and job counts from the Dispatcher. */
public final class ClusterOverviewHandler implements RestHandler {
    private final DispatcherGateway dispatcher;

    public ClusterOverviewHandler(DispatcherGateway dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public CompletableFuture<RestResponse> handle(HandlerRequest request) {
        return dispatcher.requestClusterOverview().thenApply(overview -> RestResponse.ok(toBody(overview)));
    }

    private static ClusterOverviewInfo toBody(ClusterOverview overview) {
        return new ClusterOverviewInfo(
                overview.taskManagers(),
                overview.slotsTotal(),
                overview.slotsAvailable(),
                overview.jobsRunning(),
                overview.jobsFinished(),
                overview.jobsCancelled(),
                overview.jobsFailed(),
                ServerVersion.VERSION,
                ServerVersion.REVISION);
    }
}
