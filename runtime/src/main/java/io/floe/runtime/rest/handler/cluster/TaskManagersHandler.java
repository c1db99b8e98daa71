package io.floe.runtime.rest.handler.cluster;

import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.rest.handler.HandlerRequest;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestResponse;
import io.floe.runtime.rest.messages.TaskManagersInfo;
import io.floe.runtime.webmonitor.TaskManagerInfo;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code GET /taskmanagers}: the TaskManagers registered with the ResourceManager. */
public final class TaskManagersHandler implements RestHandler {
    private final DispatcherGateway dispatcher;

    public TaskManagersHandler(DispatcherGateway dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public CompletableFuture<RestResponse> handle(HandlerRequest request) {
        return dispatcher
                .requestTaskManagers()
                .thenApply(taskManagers -> RestResponse.ok(new TaskManagersInfo(
                        taskManagers.stream().map(TaskManagersHandler::toEntry).toList())));
    }

    private static TaskManagersInfo.TaskManagerEntry toEntry(TaskManagerInfo info) {
        // Flink reports -1 when JMX is off; Floe has no JMX server
        return new TaskManagersInfo.TaskManagerEntry(
                info.resourceId().value(),
                info.rpcAddress(),
                info.dataPort(),
                -1,
                info.lastHeartbeat(),
                info.numberOfSlots(),
                info.freeSlots(),
                Map.of(),
                Map.of(),
                Map.of(),
                false);
    }
}
