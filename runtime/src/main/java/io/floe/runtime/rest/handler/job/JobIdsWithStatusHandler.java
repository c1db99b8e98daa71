package io.floe.runtime.rest.handler.job;

import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.rest.handler.HandlerRequest;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestResponse;
import io.floe.runtime.rest.messages.JobIdsWithStatusOverview;
import java.util.concurrent.CompletableFuture;

/** {@code GET /jobs}: every job's id and status. */
public final class JobIdsWithStatusHandler implements RestHandler {
    private final DispatcherGateway dispatcher;

    public JobIdsWithStatusHandler(DispatcherGateway dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public CompletableFuture<RestResponse> handle(HandlerRequest request) {
        return dispatcher
                .listJobs()
                .thenApply(jobs -> RestResponse.ok(new JobIdsWithStatusOverview(jobs.stream()
                        .map(job -> new JobIdsWithStatusOverview.JobIdWithStatus(
                                job.jobId().value(), job.status().name()))
                        .toList())));
    }
}
