package io.floe.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /jobs/:jobid}. Times are epoch milliseconds, -1 when not reached; {@code timestamps}
 * maps every job status to when the job entered it (0 if never); {@code status-counts} counts the
 * vertices by execution state.
 */
public record JobDetailsResponseBody(
        @JsonProperty("jid") String jobId,
        @JsonProperty("name") String name,
        @JsonProperty("isStoppable") boolean stoppable,
        @JsonProperty("state") String state,
        @JsonProperty("start-time") long startTime,
        @JsonProperty("end-time") long endTime,
        @JsonProperty("duration") long duration,
        @JsonProperty("now") long now,
        @JsonProperty("timestamps") Map<String, Long> timestamps,
        @JsonProperty("vertices") List<VertexDetails> vertices,
        @JsonProperty("status-counts") Map<String, Integer> statusCounts) {

    /** One vertex; {@code tasks} counts its subtasks by execution state (every state, 0 if none). */
    public record VertexDetails(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("parallelism") int parallelism,
            @JsonProperty("status") String status,
            @JsonProperty("start-time") long startTime,
            @JsonProperty("end-time") long endTime,
            @JsonProperty("duration") long duration,
            @JsonProperty("tasks") Map<String, Integer> tasks) {}
}
