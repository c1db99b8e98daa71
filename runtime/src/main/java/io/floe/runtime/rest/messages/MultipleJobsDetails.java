package io.floe.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** {@code GET /jobs/overview}: a summary of every job. */
public record MultipleJobsDetails(@JsonProperty("jobs") List<JobOverview> jobs) {

    /**
     * One job. Times are epoch milliseconds; {@code endTime} is -1 while the job runs and
     * {@code duration} then counts up to now. {@code tasks} counts subtasks by lower-case
     * execution state plus {@code total}.
     */
    public record JobOverview(
            @JsonProperty("jid") String jobId,
            @JsonProperty("name") String name,
            @JsonProperty("state") String state,
            @JsonProperty("start-time") long startTime,
            @JsonProperty("end-time") long endTime,
            @JsonProperty("duration") long duration,
            @JsonProperty("last-modification") long lastModification,
            @JsonProperty("tasks") Map<String, Integer> tasks) {}
}
