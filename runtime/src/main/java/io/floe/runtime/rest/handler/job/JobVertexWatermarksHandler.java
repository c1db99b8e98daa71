package io.floe.runtime.rest.handler.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.rest.handler.HandlerRequest;
import io.floe.runtime.rest.handler.JobIdPathParameter;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestHandlerException;
import io.floe.runtime.rest.handler.RestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /jobs/:jobid/vertices/:vertexid/watermarks}: each subtask's input watermark, in
 * Flink's shape ({@code [{"id": "0.currentInputWatermark", "value": "1700000000000"}]}, the value
 * a string, {@code Long.MIN_VALUE} before the first watermark). As fresh as the TaskManagers' last
 * heartbeats ({@code heartbeat.interval}), as Flink's metrics are as fresh as their last fetch.
 */
public final class JobVertexWatermarksHandler implements RestHandler {
    /** The vertex parameter's name in path templates. */
    public static final String VERTEX_ID = "vertexid";

    private final DispatcherGateway dispatcher;

    public JobVertexWatermarksHandler(DispatcherGateway dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** One entry of Flink's metric collection body. */
    public record Metric(@JsonProperty("id") String id, @JsonProperty("value") String value) {}

    @Override
    public CompletableFuture<RestResponse> handle(HandlerRequest request) {
        String vertexId = request.pathParameter(VERTEX_ID);
        if (!vertexId.matches("[0-9a-fA-F]{32}")) {
            throw RestHandlerException.badRequest("Invalid vertex id '" + vertexId
                    + "': a vertex id is 32 hex digits (GET /jobs/:jobid lists them).");
        }
        return dispatcher
                .requestVertexWatermarks(JobIdPathParameter.from(request), vertexId.toLowerCase(java.util.Locale.ROOT))
                .thenApply(watermarks -> {
                    List<Metric> metrics = new ArrayList<>();
                    for (int subtask = 0; subtask < watermarks.size(); subtask++) {
                        metrics.add(
                                new Metric(subtask + ".currentInputWatermark", Long.toString(watermarks.get(subtask))));
                    }
                    return RestResponse.ok(metrics);
                });
    }
}
