package io.floe.runtime.rest.handler.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.runtime.jobgraph.JobEdge;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.rest.MultipartTestBody;
import io.floe.runtime.rest.RestServerFixture;
import io.floe.runtime.rest.RestServerFixture.Answer;
import io.floe.runtime.rest.TestingJobSubmitter.Submission;
import io.floe.runtime.types.JobVertexId;
import io.floe.testutils.Deadline;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multipart {@code POST /jobs} over real HTTP: what reaches the submitter, the 400s, and cleanup. */
class JobSubmitHandlerTest {
    @TempDir
    static Path uploads;

    private static RestServerFixture fixture;

    @BeforeAll
    static void startServer() throws IOException {
        fixture = new RestServerFixture(uploads, 8 * 1024 * 1024, Map.of(), Clock.systemUTC());
    }

    @AfterAll
    static void stopServer() {
        fixture.close();
    }

    @AfterEach
    void nothingIsLeftInTheUploadDirectory() {
        assertEquals(List.of(), fixture.leftoverUploads());
    }

    static JobGraph jobGraph(String name) {
        return RestServerFixture.jobGraph(name, Map.of("k", "v"));
    }

    static byte[] jarOf(int size) {
        return RestServerFixture.jarOf(size);
    }

    static String requestJson(String graphName, String... jarNames) {
        StringBuilder jars = new StringBuilder();
        for (String jar : jarNames) {
            jars.append(jars.length() == 0 ? "" : ",").append('"').append(jar).append('"');
        }
        return "{\"jobGraphFileName\":\"" + graphName + "\",\"jobJarFileNames\":[" + jars
                + "],\"jobArtifactFileNames\":[]}";
    }

    private static Answer post(byte[] body) {
        return fixture.send(
                "POST", "/jobs", HttpRequest.BodyPublishers.ofByteArray(body), MultipartTestBody.CONTENT_TYPE);
    }

    @Test
    void handsTheGraphAndIdenticalJarsToTheSubmitter() throws IOException {
        JobGraph graph = jobGraph("word count");
        byte[] jar = jarOf(300_000);
        byte[] library = jarOf(1_000);

        Answer answer = post(new MultipartTestBody()
                .field("request", requestJson("graph.json", "job.jar", "lib.jar"))
                .file("file_0", "graph.json", RestServerFixture.MAPPER.writeValueAsBytes(graph))
                .file("file_1", "job.jar", jar)
                .file("file_2", "lib.jar", library)
                .build());

        assertEquals(202, answer.status(), () -> String.valueOf(answer.body()));
        assertEquals("/jobs/" + graph.jobId(), answer.body().get("jobUrl").asText());
        Submission submission = lastSubmission();
        assertEquals(graph, submission.jobGraph());
        assertEquals(
                List.of("job.jar", "lib.jar"),
                List.copyOf(submission.jarsByName().keySet()));
        assertArrayEquals(jar, submission.jarsByName().get("job.jar"));
        assertArrayEquals(library, submission.jarsByName().get("lib.jar"));
        assertTrue(fixture.dispatcher.submittedJobs().contains(graph));
    }

    @Test
    void keepsTheUploadsUntilTheSubmitterIsDone() throws Exception {
        CompletableFuture<Void> submitted = new CompletableFuture<>();
        fixture.submitter.answerWith(submitted);
        try {
            JobGraph graph = jobGraph("slow blob upload");
            int before = fixture.submitter.submissions().size();
            byte[] body = new MultipartTestBody()
                    .field("request", requestJson("graph.json", "job.jar"))
                    .file("file_0", "graph.json", RestServerFixture.MAPPER.writeValueAsBytes(graph))
                    .file("file_1", "job.jar", jarOf(10))
                    .build();
            CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> post(body));
            Deadline.waitUntil(
                    () -> fixture.submitter.submissions().size() > before,
                    Duration.ofSeconds(10),
                    "the submitter to receive the job");
            Path jar = lastSubmission().jarFiles().get(0);
            assertTrue(Files.exists(jar), "the jar must stay while the submitter works on it");
            assertTrue(jar.startsWith(uploads));

            submitted.complete(null);

            assertEquals(202, answer.get(10, TimeUnit.SECONDS).status());
            assertTrue(Files.notExists(jar));
        } finally {
            fixture.submitter.answerWith(null);
        }
    }

    @Test
    void aFailedSubmissionIsReportedAndItsUploadsDeleted() throws IOException {
        fixture.submitter.failWith(new IllegalStateException("Could not upload job.jar to the blob server."));
        try {
            Answer answer = post(new MultipartTestBody()
                    .field("request", requestJson("graph.json", "job.jar"))
                    .file("file_0", "graph.json", RestServerFixture.MAPPER.writeValueAsBytes(jobGraph("doomed")))
                    .file("file_1", "job.jar", jarOf(100))
                    .build());

            assertError(answer, 500, "Could not upload job.jar to the blob server.");
        } finally {
            fixture.submitter.failWith(null);
        }
    }

    @Test
    void aRequestWithoutTheRequestFieldIsABadRequest() throws IOException {
        Answer answer = post(new MultipartTestBody()
                .file("file_0", "graph.json", RestServerFixture.MAPPER.writeValueAsBytes(jobGraph("no request")))
                .build());

        assertError(answer, 400, "'request' field");
    }

    @Test
    void aSubmissionThatIsNotMultipartIsABadRequest() {
        Answer answer = fixture.send("POST", "/jobs", HttpRequest.BodyPublishers.ofString("{}"), "application/json");

        assertError(answer, 400, "multipart/form-data");
    }

    @Test
    void anUnreadableRequestFieldIsABadRequest() {
        Answer answer =
                post(new MultipartTestBody().field("request", "{not json").build());

        assertError(answer, 400, "not a valid job submit request");
    }

    @Test
    void anUnreadableJobGraphIsABadRequest() {
        Answer answer = post(new MultipartTestBody()
                .field("request", requestJson("graph.json"))
                .file("file_0", "graph.json", "this is not a job graph".getBytes(StandardCharsets.UTF_8))
                .build());

        assertError(answer, 400, "Could not read the job graph from 'graph.json'");
    }

    @Test
    void anIncompleteJobGraphIsABadRequest() {
        Answer answer = post(new MultipartTestBody()
                .field("request", requestJson("graph.json"))
                .file(
                        "file_0",
                        "graph.json",
                        "{\"jobName\":\"no id\",\"batch\":false}".getBytes(StandardCharsets.UTF_8))
                .build());

        assertError(answer, 400, "The job graph has no 'jobId'.");
    }

    @Test
    void aNonsenseJobGraphIsABadRequestNamingTheFieldAndReachesNoSubmitter() throws IOException {
        JobGraph valid = jobGraph("nonsense");
        JobGraph edgeToNowhere = new JobGraph(
                valid.jobId(),
                valid.jobName(),
                false,
                valid.vertices(),
                List.of(new JobEdge(valid.vertices().get(0).id(), 0, new JobVertexId("no-such-vertex"), "forward")),
                List.of(),
                Map.of());
        int before = fixture.submitter.submissions().size();
        Answer answer = post(new MultipartTestBody()
                .field("request", requestJson("graph.json"))
                .file("file_0", "graph.json", RestServerFixture.MAPPER.writeValueAsBytes(edgeToNowhere))
                .build());

        assertError(answer, 400, "edges[0]");
        assertEquals(before, fixture.submitter.submissions().size(), "nothing was handed on");
    }

    @Test
    void aJobIdSubmittedTwiceIsAConflict() throws IOException {
        JobGraph graph = jobGraph("submitted twice");
        byte[] body = new MultipartTestBody()
                .field("request", requestJson("graph.json"))
                .file("file_0", "graph.json", RestServerFixture.MAPPER.writeValueAsBytes(graph))
                .build();
        assertEquals(202, post(body).status());

        Answer again = post(body);
        assertError(again, 409, "Job " + graph.jobId() + " was submitted already");
    }

    @Test
    void aNamedFileThatWasNotUploadedIsABadRequest() throws IOException {
        Answer answer = post(new MultipartTestBody()
                .field("request", requestJson("graph.json", "missing.jar"))
                .file("file_0", "graph.json", RestServerFixture.MAPPER.writeValueAsBytes(jobGraph("missing jar")))
                .build());

        assertError(answer, 400, "'missing.jar'");
        Answer noGraph = post(new MultipartTestBody()
                .field("request", requestJson("graph.json"))
                .build());
        assertError(noGraph, 400, "'graph.json'");
    }

    @Test
    void artifactsAreRefused() throws IOException {
        Answer answer = post(new MultipartTestBody()
                .field(
                        "request",
                        "{\"jobGraphFileName\":\"graph.json\",\"jobArtifactFileNames\":"
                                + "[{\"entryName\":\"data\",\"fileName\":\"data.csv\"}]}")
                .file("file_0", "graph.json", RestServerFixture.MAPPER.writeValueAsBytes(jobGraph("artifacts")))
                .build());

        assertError(answer, 400, "artifacts");
    }

    @Test
    void malformedMultipartIsABadRequest() {
        Answer noBoundary =
                fixture.send("POST", "/jobs", HttpRequest.BodyPublishers.ofString("whatever"), "multipart/form-data");
        assertError(noBoundary, 400, "multipart");

        Answer twice = post(new MultipartTestBody()
                .field("request", requestJson("graph.json"))
                .file("file_0", "graph.json", new byte[] {1})
                .file("file_1", "graph.json", new byte[] {2})
                .build());
        assertError(twice, 400, "uploaded twice");
    }

    @Test
    void fileNamesCannotEscapeTheUploadDirectory() throws IOException {
        Answer answer = post(new MultipartTestBody()
                .field("request", requestJson("graph.json", "evil.jar"))
                .file("file_0", "graph.json", RestServerFixture.MAPPER.writeValueAsBytes(jobGraph("escape")))
                .file("file_1", "../../evil.jar", jarOf(10))
                .build());

        assertEquals(202, answer.status());
        assertTrue(lastSubmission().jarFiles().get(0).startsWith(uploads));
        assertTrue(Files.notExists(uploads.getParent().resolve("evil.jar")));
    }

    private static Submission lastSubmission() {
        List<Submission> all = fixture.submitter.submissions();
        return all.get(all.size() - 1);
    }

    private static void assertError(Answer answer, int status, String part) {
        assertEquals(status, answer.status(), () -> String.valueOf(answer.body()));
        String message = answer.body().get("errors").get(0).asText();
        assertTrue(message.contains(part), () -> "'" + message + "' should contain '" + part + "'");
    }
}
