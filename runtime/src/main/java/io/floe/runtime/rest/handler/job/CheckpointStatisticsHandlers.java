package io.floe.runtime.rest.handler.job;

import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.rest.handler.JobIdPathParameter;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestHandlerException;
import io.floe.runtime.rest.handler.RestResponse;
import io.floe.runtime.rest.messages.CheckpointMessages;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * {@code GET /jobs/:jobid/checkpoints} (counts, latest, history) and {@code
 * GET /jobs/:jobid/checkpoints/config}; the latter is a 404 for a job without periodic
 * checkpoints, as in Flink.
 */
public final class CheckpointStatisticsHandlers {
    private CheckpointStatisticsHandlers() {}

    public static RestHandler statistics(DispatcherGateway dispatcher) {
        return request -> dispatcher
                .requestCheckpointStats(JobIdPathParameter.from(request))
                .thenApply(stats -> RestResponse.ok(CheckpointMessages.Statistics.of(stats)));
    }

    public static RestHandler config(DispatcherGateway dispatcher) {
        return request -> dispatcher
                .requestCheckpointStats(JobIdPathParameter.from(request))
                .thenApply(stats -> {
                    if (!stats.settings().periodic()) {
                        throw new RestHandlerException(
                                HttpResponseStatus.NOT_FOUND, "Checkpointing is not enabled for this job.");
                    }
                    return RestResponse.ok(CheckpointMessages.Config.of(stats.settings()));
                });
    }
}
