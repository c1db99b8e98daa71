package io.floe.runtime.rest.handler.job;

import io.floe.api.JobId;
import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.rest.handler.HandlerRequest;
import io.floe.runtime.rest.handler.JobIdPathParameter;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestHandlerException;
import io.floe.runtime.rest.handler.RestResponse;
import io.floe.runtime.rest.messages.EmptyResponseBody;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PATCH /jobs/:jobid?mode=cancel}: asks the Dispatcher to cancel the job and answers 202 once
 * it accepted; the job reaches CANCELED later. {@code cancel} is the only mode, as in Flink.
 */
public final class JobCancellationHandler implements RestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JobCancellationHandler.class);
    static final String MODE_PARAMETER = "mode";
    static final String CANCEL_MODE = "cancel";

    private final DispatcherGateway dispatcher;

    public JobCancellationHandler(DispatcherGateway dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public CompletableFuture<RestResponse> handle(HandlerRequest request) {
        JobId jobId = JobIdPathParameter.from(request);
        String mode = request.queryParameter(MODE_PARAMETER)
                .orElseThrow(() -> RestHandlerException.badRequest(
                        "Query parameter 'mode' is missing; cancel a job with PATCH /jobs/" + jobId + "?mode=cancel."));
        if (!CANCEL_MODE.equals(mode)) {
            throw RestHandlerException.badRequest(
                    "Unknown termination mode '" + mode + "'; the only mode is 'cancel'.");
        }
        LOG.info("Cancelling job {} on request of a REST client", jobId);
        return dispatcher.cancelJob(jobId).thenApply(ignored -> RestResponse.accepted(EmptyResponseBody.INSTANCE));
    }
}
