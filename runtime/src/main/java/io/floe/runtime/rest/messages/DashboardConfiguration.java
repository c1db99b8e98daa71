package io.floe.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /config}: what a web dashboard needs to know about this server. */
public record DashboardConfiguration(
        @JsonProperty("refresh-interval") long refreshIntervalMillis,
        @JsonProperty("timezone-name") String timeZoneName,
        @JsonProperty("timezone-offset") long timeZoneOffsetMillis,
        @JsonProperty("flink-version") String version,
        @JsonProperty("flink-revision") String revision,
        @JsonProperty("features") Features features) {

    /** Which dashboard actions the server supports. */
    public record Features(
            @JsonProperty("web-submit") boolean webSubmit,
            @JsonProperty("web-cancel") boolean webCancel,
            @JsonProperty("web-rescale") boolean webRescale,
            @JsonProperty("web-history") boolean webHistory) {}
}
