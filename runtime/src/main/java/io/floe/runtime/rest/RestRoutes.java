package io.floe.runtime.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.rest.handler.JobIdPathParameter;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.cluster.ClusterOverviewHandler;
import io.floe.runtime.rest.handler.cluster.ClusterShutdownHandler;
import io.floe.runtime.rest.handler.cluster.DashboardConfigHandler;
import io.floe.runtime.rest.handler.cluster.JobManagerConfigHandler;
import io.floe.runtime.rest.handler.cluster.TaskManagersHandler;
import io.floe.runtime.rest.handler.job.CheckpointStatisticsHandlers;
import io.floe.runtime.rest.handler.job.JobCancellationHandler;
import io.floe.runtime.rest.handler.job.JobDetailsHandler;
import io.floe.runtime.rest.handler.job.JobExceptionsHandler;
import io.floe.runtime.rest.handler.job.JobExecutionResultHandler;
import io.floe.runtime.rest.handler.job.JobIdsWithStatusHandler;
import io.floe.runtime.rest.handler.job.JobStatusHandler;
import io.floe.runtime.rest.handler.job.JobSubmitHandler;
import io.floe.runtime.rest.handler.job.JobVertexWatermarksHandler;
import io.floe.runtime.rest.handler.job.JobsOverviewHandler;
import io.floe.runtime.rest.handler.job.SavepointHandlers;
import io.floe.runtime.rest.handler.job.SavepointOperations;
import io.floe.runtime.rest.router.Router;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;

/** The REST API of Floe: every path Floe serves, with Flink's paths, and the handler behind it. */
final class RestRoutes {
    private static final String JOB = "/jobs/:" + JobIdPathParameter.NAME;

    private RestRoutes() {}

    static Router<RestHandler> create(
            DispatcherGateway dispatcher,
            JobSubmitter submitter,
            Map<String, String> clusterConfiguration,
            ObjectMapper mapper,
            Clock clock,
            SavepointOperations savepoints,
            Duration timeout,
            Executor ioExecutor,
            Runnable clusterShutdown) {
        Router<RestHandler> router = new Router<RestHandler>()
                .addRoute(HttpMethod.GET, "/overview", new ClusterOverviewHandler(dispatcher))
                .addRoute(HttpMethod.GET, "/config", new DashboardConfigHandler(clock))
                .addRoute(HttpMethod.GET, "/jobmanager/config", new JobManagerConfigHandler(clusterConfiguration))
                .addRoute(HttpMethod.GET, "/taskmanagers", new TaskManagersHandler(dispatcher))
                .addRoute(HttpMethod.GET, "/jobs", new JobIdsWithStatusHandler(dispatcher))
                .addRoute(HttpMethod.POST, "/jobs", new JobSubmitHandler(submitter, mapper, ioExecutor))
                .addRoute(HttpMethod.GET, "/jobs/overview", new JobsOverviewHandler(dispatcher, clock))
                .addRoute(HttpMethod.GET, JOB, new JobDetailsHandler(dispatcher, clock))
                .addRoute(HttpMethod.PATCH, JOB, new JobCancellationHandler(dispatcher))
                .addRoute(HttpMethod.GET, JOB + "/status", new JobStatusHandler(dispatcher))
                .addRoute(HttpMethod.GET, JOB + "/exceptions", new JobExceptionsHandler(dispatcher))
                .addRoute(
                        HttpMethod.GET,
                        JOB + "/vertices/:" + JobVertexWatermarksHandler.VERTEX_ID + "/watermarks",
                        new JobVertexWatermarksHandler(dispatcher))
                .addRoute(HttpMethod.GET, JOB + "/checkpoints", CheckpointStatisticsHandlers.statistics(dispatcher))
                .addRoute(HttpMethod.GET, JOB + "/checkpoints/config", CheckpointStatisticsHandlers.config(dispatcher))
                .addRoute(
                        HttpMethod.POST, JOB + "/savepoints", SavepointHandlers.trigger(dispatcher, savepoints, mapper))
                .addRoute(
                        HttpMethod.GET,
                        JOB + "/savepoints/:" + SavepointHandlers.TRIGGER_ID,
                        SavepointHandlers.status(savepoints))
                .addRoute(HttpMethod.POST, JOB + "/stop", SavepointHandlers.stop(dispatcher, savepoints, mapper))
                .addRoute(
                        HttpMethod.GET,
                        JOB + "/execution-result",
                        new JobExecutionResultHandler(dispatcher, timeout, mapper));
        if (clusterShutdown != null) {
            router.addRoute(HttpMethod.DELETE, "/cluster", new ClusterShutdownHandler(clusterShutdown));
        }
        return router;
    }
}
