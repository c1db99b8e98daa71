package io.floe.runtime.rest.handler.job;

import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.rest.handler.HandlerRequest;
import io.floe.runtime.rest.handler.JobIdPathParameter;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestResponse;
import io.floe.runtime.rest.messages.JobStatusInfo;
import java.util.concurrent.CompletableFuture;

/** {@code GET /jobs/:jobid/status}: {@code {"status": "RUNNING"}}. */
public final class JobStatusHandler implements RestHandler {
    private final DispatcherGateway dispatcher;

    public JobStatusHandler(DispatcherGateway dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public CompletableFuture<RestResponse> handle(HandlerRequest request) {
        return dispatcher
                .requestJobStatus(JobIdPathParameter.from(request))
                .thenApply(status -> RestResponse.ok(new JobStatusInfo(status.name())));
    }
}
