package io.floe.runtime.rest.handler.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.jobgraph.JobGraphValidator;
import io.floe.runtime.jobgraph.UserCodeValidator;
import io.floe.runtime.rest.JobSubmitter;
import io.floe.runtime.rest.handler.HandlerRequest;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestHandlerException;
import io.floe.runtime.rest.handler.RestResponse;
import io.floe.runtime.rest.handler.UploadedFiles;
import io.floe.runtime.rest.messages.JobSubmitRequestBody;
import io.floe.runtime.rest.messages.JobSubmitResponseBody;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /jobs}, multipart: the {@code request} field names the uploaded file that holds the
 * job graph (as JSON) and the uploaded job jars. Checks that every named file arrived, reads and
 * validates the graph on the I/O executor (400 naming the field), hands graph and jars to the
 * {@link JobSubmitter} and answers 202 with {@code {"jobUrl": "/jobs/<id>"}}. The server deletes
 * the uploads once this handler's future completes.
 */
public final class JobSubmitHandler implements RestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JobSubmitHandler.class);

    private final JobSubmitter submitter;
    private final ObjectMapper mapper;
    private final Executor ioExecutor;

    /** @param ioExecutor runs the blocking read of the job graph file */
    public JobSubmitHandler(JobSubmitter submitter, ObjectMapper mapper, Executor ioExecutor) {
        this.submitter = submitter;
        this.mapper = mapper;
        this.ioExecutor = ioExecutor;
    }

    @Override
    public CompletableFuture<RestResponse> handle(HandlerRequest request) {
        JobSubmitRequestBody body = readRequestBody(request);
        UploadedFiles uploads = request.uploadedFiles();
        Path jobGraphFile = uploadedFile(uploads, body.jobGraphFileName());
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String jarName : body.jobJarFileNames() == null ? List.<String>of() : body.jobJarFileNames()) {
            jars.put(jarName, uploadedFile(uploads, jarName));
        }
        return CompletableFuture.supplyAsync(
                        () -> readJobGraph(jobGraphFile, body.jobGraphFileName(), jars), ioExecutor)
                .thenCompose(jobGraph -> {
                    LOG.debug(
                            "Received job '{}' ({}) over REST with {} jar(s)",
                            jobGraph.jobName(),
                            jobGraph.jobId(),
                            jars.size());
                    return submitter
                            .submit(jobGraph, List.copyOf(jars.values()))
                            .thenApply(ignored -> RestResponse.accepted(new JobSubmitResponseBody(
                                    "/jobs/" + jobGraph.jobId().value())));
                });
    }

    private JobSubmitRequestBody readRequestBody(HandlerRequest request) {
        String json = request.formFields().get(JobSubmitRequestBody.FORM_FIELD);
        if (json == null) {
            throw RestHandlerException.badRequest(
                    "Submit a job as multipart/form-data with a '" + JobSubmitRequestBody.FORM_FIELD
                            + "' field holding the JSON submit request and the files it names.");
        }
        JobSubmitRequestBody body;
        try {
            body = mapper.readValue(json, JobSubmitRequestBody.class);
        } catch (JsonProcessingException e) {
            throw RestHandlerException.badRequest("The '" + JobSubmitRequestBody.FORM_FIELD
                    + "' field is not a valid job submit request: " + e.getOriginalMessage());
        }
        if (body == null
                || body.jobGraphFileName() == null
                || body.jobGraphFileName().isBlank()) {
            throw RestHandlerException.badRequest("The submit request names no job graph file ('jobGraphFileName').");
        }
        if (body.jobArtifactFileNames() != null && !body.jobArtifactFileNames().isEmpty()) {
            throw RestHandlerException.badRequest("Floe does not support job artifacts ('jobArtifactFileNames'); "
                    + "put the files into the job jar.");
        }
        return body;
    }

    private static Path uploadedFile(UploadedFiles uploads, String name) {
        return uploads.get(name)
                .orElseThrow(() -> RestHandlerException.badRequest(
                        "The submit request names file '" + name + "', but no such file was uploaded (uploaded: "
                                + uploads.byName().keySet() + ")."));
    }

    private JobGraph readJobGraph(Path file, String name, Map<String, Path> jars) {
        JobGraph graph;
        try {
            graph = mapper.readValue(file.toFile(), JobGraph.class);
        } catch (JsonProcessingException e) {
            throw RestHandlerException.badRequest(
                    "Could not read the job graph from '" + name + "': " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RestHandlerException.badRequest(
                    "Could not read the job graph from '" + name + "': " + e.getMessage());
        }
        if (graph == null) {
            throw RestHandlerException.badRequest("The job graph file '" + name + "' is empty.");
        }
        try { // before anything of it is stored
            JobGraphValidator.validate(graph);
            UserCodeValidator.validate(graph, jars);
        } catch (IllegalArgumentException e) {
            throw RestHandlerException.badRequest(e.getMessage());
        }
        return graph;
    }
}
