package io.floe.runtime.rest.handler.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floe.api.JobId;
import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.rest.handler.HandlerRequest;
import io.floe.runtime.rest.handler.JobIdPathParameter;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestHandlerException;
import io.floe.runtime.rest.handler.RestResponse;
import io.floe.runtime.rest.messages.SavepointMessages;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink's asynchronous savepoint endpoints: {@code POST /jobs/:jobid/savepoints} (a savepoint,
 * optionally cancelling the job after it), {@code POST /jobs/:jobid/stop} (a savepoint after
 * which the job finishes) and {@code GET /jobs/:jobid/savepoints/:triggerid} (poll the outcome).
 * A trigger answers 202 with a request id at once; an unknown job is a 404 right away.
 */
public final class SavepointHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(SavepointHandlers.class);
    public static final String TRIGGER_ID = "triggerid";

    private SavepointHandlers() {}

    /** {@code POST /jobs/:jobid/savepoints} with {@code {"target-directory": ..., "cancel-job": ...}}. */
    public static RestHandler trigger(
            DispatcherGateway dispatcher, SavepointOperations operations, ObjectMapper mapper) {
        return request -> {
            JobId jobId = JobIdPathParameter.from(request);
            SavepointMessages.TriggerRequest body = read(request, mapper, SavepointMessages.TriggerRequest.class);
            String directory = body == null ? null : body.targetDirectory();
            boolean cancel = body != null && Boolean.TRUE.equals(body.cancelJob());
            return dispatcher.requestJobStatus(jobId).thenApply(status -> {
                LOG.info("Savepoint of job {} into {} requested by a REST client", jobId, describe(directory));
                String id = operations.register(jobId, dispatcher.triggerSavepoint(jobId, directory, cancel));
                return RestResponse.accepted(new SavepointMessages.TriggerResponse(id));
            });
        };
    }

    /** {@code POST /jobs/:jobid/stop} with {@code {"targetDirectory": ..., "drain": ...}}. */
    public static RestHandler stop(DispatcherGateway dispatcher, SavepointOperations operations, ObjectMapper mapper) {
        return request -> {
            JobId jobId = JobIdPathParameter.from(request);
            SavepointMessages.StopRequest body = read(request, mapper, SavepointMessages.StopRequest.class);
            String directory = body == null ? null : body.targetDirectory();
            boolean drain = body != null && Boolean.TRUE.equals(body.drain());
            return dispatcher.requestJobStatus(jobId).thenApply(status -> {
                LOG.info(
                        "Stop of job {} with a savepoint into {}{} requested by a REST client",
                        jobId,
                        describe(directory),
                        drain ? ", draining it first," : "");
                String id = operations.register(jobId, dispatcher.stopWithSavepoint(jobId, directory, drain));
                return RestResponse.accepted(new SavepointMessages.TriggerResponse(id));
            });
        };
    }

    /** {@code GET /jobs/:jobid/savepoints/:triggerid}. */
    public static RestHandler status(SavepointOperations operations) {
        return request -> {
            JobId jobId = JobIdPathParameter.from(request);
            String triggerId = request.pathParameter(TRIGGER_ID);
            CompletableFuture<String> result = operations.find(jobId, triggerId);
            if (result == null) {
                throw new RestHandlerException(
                        HttpResponseStatus.NOT_FOUND,
                        "There is no savepoint operation with trigger id " + triggerId + " for job " + jobId
                                + " (outcomes are kept for 5 minutes).");
            }
            SavepointMessages.StatusResponse status = statusOf(result);
            if (status.operation() != null) {
                operations.fetched(jobId, triggerId);
            }
            return CompletableFuture.completedFuture(RestResponse.ok(status));
        };
    }

    private static SavepointMessages.StatusResponse statusOf(CompletableFuture<String> result) {
        if (!result.isDone()) {
            return new SavepointMessages.StatusResponse(new SavepointMessages.Status("IN_PROGRESS"), null);
        }
        SavepointMessages.Operation operation;
        try {
            operation = new SavepointMessages.Operation(result.join(), null);
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            operation = new SavepointMessages.Operation(
                    null,
                    new SavepointMessages.FailureCause(
                            cause.getClass().getName(), cause.getClass().getName() + ": " + cause.getMessage()));
        }
        return new SavepointMessages.StatusResponse(new SavepointMessages.Status("COMPLETED"), operation);
    }

    private static <T> T read(HandlerRequest request, ObjectMapper mapper, Class<T> type) {
        if (request.body() == null || request.body().length == 0) {
            return null;
        }
        try {
            return mapper.readValue(request.body(), type);
        } catch (JsonProcessingException e) {
            throw RestHandlerException.badRequest(
                    "The request body is not valid JSON for " + request.path() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RestHandlerException.badRequest("Cannot read the request body: " + e.getMessage());
        }
    }

    private static String describe(String directory) {
        return directory == null ? "the default directory (state.savepoints.dir)" : directory;
    }
}
