package io.floe.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** {@code GET /taskmanagers}: every registered TaskManager. */
public record TaskManagersInfo(@JsonProperty("taskmanagers") List<TaskManagerEntry> taskManagers) {

    /**
     * One TaskManager. As in Flink, {@code timeSinceLastHeartbeat} holds the epoch milliseconds of
     * the last heartbeat (the dashboard formats it as a date), and {@code path} is its RPC address.
     * Floe tracks no resource profiles or hardware yet, so those objects are empty.
     */
    public record TaskManagerEntry(
            @JsonProperty("id") String id,
            @JsonProperty("path") String path,
            @JsonProperty("dataPort") int dataPort,
            @JsonProperty("jmxPort") int jmxPort,
            @JsonProperty("timeSinceLastHeartbeat") long lastHeartbeat,
            @JsonProperty("slotsNumber") int slotsNumber,
            @JsonProperty("freeSlots") int freeSlots,
            @JsonProperty("totalResource") Map<String, Object> totalResource,
            @JsonProperty("freeResource") Map<String, Object> freeResource,
            @JsonProperty("hardware") Map<String, Object> hardware,
            @JsonProperty("blocked") boolean blocked) {}
}
