package io.floe.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code request} part of a multipart {@code POST /jobs}: which uploaded file (by file name)
 * holds the job graph, and which are the job's jars and artifacts. Flink's newer name
 * {@code executionPlanFileName} is accepted for the job graph.
 */
public record JobSubmitRequestBody(
        @JsonProperty("jobGraphFileName") @JsonAlias("executionPlanFileName") String jobGraphFileName,
        @JsonProperty("jobJarFileNames") List<String> jobJarFileNames,
        @JsonProperty("jobArtifactFileNames") List<DistributedCacheFile> jobArtifactFileNames) {

    /** The multipart form field that holds this body. */
    public static final String FORM_FIELD = "request";

    /** An artifact: the name the job looks it up by and the uploaded file's name. */
    public record DistributedCacheFile(
            @JsonProperty("entryName") String entryName, @JsonProperty("fileName") String fileName) {}
}
