package io.floe.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.floe.api.JobId;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.execution.JobGraphs;
import io.floe.runtime.jobgraph.JobEdge;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.jobgraph.JobVertex;
import io.floe.runtime.minicluster.MiniCluster;
import io.floe.runtime.minicluster.MiniClusterConfiguration;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.security.RestAuthorization;
import io.floe.runtime.testutils.LogCapture;
import io.floe.runtime.types.JobVertexId;
import io.floe.testutils.Deadline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Job submission over REST on a real JobManager (MiniCluster: Dispatcher, BlobServer, two
 * TaskManagers) as a careless or hostile client drives it: a replayed submission of a running job,
 * nonsense job graphs, and a flood of malformed requests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestSubmissionITCase {
    @TempDir
    static Path work;

    static MiniCluster cluster;
    static HttpClient http = HttpClient.newHttpClient();
    static JobGraph running;
    static byte[] runningRequest;

    @BeforeAll
    static void startCluster() throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(ClusterOptions.BLOB_STORAGE_DIRECTORY, work.toString());
        cluster = new MiniCluster(new MiniClusterConfiguration(2, 1, configuration));
        cluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A job that runs until it is cancelled. */
    static JobGraph endlessJob() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(1);
        env.fromSequence(0, 1_000_000_000L)
                .map(i -> {
                    LockSupport.parkNanos(1_000_000L);
                    return i;
                })
                .addSink(value -> {});
        return JobGraphs.of(env, "endless");
    }

    static byte[] submission(JobGraph graph, byte[] jar) throws IOException {
        MultipartTestBody body = new MultipartTestBody()
                .field(
                        "request",
                        "{\"jobGraphFileName\":\"graph.json\",\"jobJarFileNames\":["
                                + (jar == null ? "" : "\"job.jar\"") + "]}")
                .file("file_0", "graph.json", RestServerFixture.MAPPER.writeValueAsBytes(graph));
        if (jar != null) {
            body.file("file_1", "job.jar", jar);
        }
        return body.build();
    }

    static byte[] tinyJar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            jar.putNextEntry(new JarEntry("README.txt"));
            jar.write("a job's resources".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    static HttpResponse<String> post(byte[] multipart) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cluster.getRestPort() + "/jobs"))
                        .header("Content-Type", MultipartTestBody.CONTENT_TYPE)
                        .header(RestAuthorization.HEADER, credential())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String credential() {
        return RestAuthorization.headerValue(cluster.getClusterSecret());
    }

    static int send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + cluster.getRestPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header(RestAuthorization.HEADER, authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cluster.getRestPort() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return RestServerFixture.MAPPER.readTree(response.body());
    }

    static String status(JobGraph graph) throws Exception {
        return get("/jobs/" + graph.jobId() + "/status").get("status").asText();
    }

    /** The job's jars in the BlobServer's storage. */
    static List<Path> blobsOf(JobGraph graph) throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            return files.filter(path -> path.getFileName().toString().startsWith("blob_p-")
                            && path.getParent().getFileName().toString().equals("job_" + graph.jobId())
                            && path.toString().contains("floe-blobserver-"))
                    .toList(); // not the TaskManagers' caches
        }
    }

    @Test
    @Order(1)
    void aReplayedSubmissionOfARunningJobIsAConflictAndLeavesTheJobAndItsJarAlone() throws Exception {
        running = endlessJob();
        runningRequest = submission(running, tinyJar());
        assertEquals(202, post(runningRequest).statusCode());
        Deadline.waitUntil(
                () -> {
                    try {
                        return "RUNNING".equals(status(running));
                    } catch (Exception e) {
                        return false;
                    }
                },
                Duration.ofSeconds(30),
                "the job running");
        List<Path> blobs = blobsOf(running);
        assertEquals(1, blobs.size(), "the job's jar in the BlobServer");

        HttpResponse<String> replay = post(runningRequest);
        assertEquals(409, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("was submitted already"), replay.body());
        assertEquals("RUNNING", status(running));
        assertEquals(blobs, blobsOf(running), "the running job's jar is still there");
    }

    @Test
    @Order(2)
    void eachNonsenseJobGraphIsABadRequestNamingItsFieldAndStartsNothing() throws Exception {
        JobGraph valid = endlessJob();
        JobVertex first = valid.vertices().get(0);
        List<Map.Entry<JobGraph, String>> nonsense = new ArrayList<>();
        nonsense.add(Map.entry(
                withGraph(
                        valid,
                        valid.vertices(),
                        List.of(new JobEdge(first.id(), 0, new JobVertexId("no-such-vertex"), "forward"))),
                "target no-such-vertex"));
        nonsense.add(Map.entry(withGraph(valid, List.of(withParallelism(first, 0)), List.of()), "parallelism is 0"));
        nonsense.add(Map.entry(withGraph(valid, List.of(withParallelism(first, -3)), List.of()), "parallelism is -3"));
        nonsense.add(Map.entry(withGraph(valid, List.of(first, first), List.of()), "vertices[1]"));
        nonsense.add(Map.entry(withGraph(valid, List.of(), List.of()), "'vertices'"));
        // its functions are lambdas of this class; a job whose class is in no jar names it
        nonsense.add(Map.entry(
                withGraph(
                        valid,
                        List.of(withChainClassRenamed(first, "RestSubmissionITCase", "NoSuchShippedClass01")),
                        List.of()),
                "uses class io.floe.runtime.rest.NoSuchShippedClass01"));
        int jobsBefore = get("/jobs").get("jobs").size();
        for (Map.Entry<JobGraph, String> graph : nonsense) {
            HttpResponse<String> answer = post(submission(graph.getKey(), null));
            assertEquals(400, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains(graph.getValue()), "names " + graph.getValue() + ": " + answer.body());
        }
        HttpResponse<String> notAJar = post(submission(
                withGraph(valid, valid.vertices(), valid.edges()),
                "PK but no zip".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(400, notAJar.statusCode(), notAJar.body());
        assertTrue(notAJar.body().contains("The job jar 'job.jar' is no jar file"), notAJar.body());
        assertEquals(jobsBefore, get("/jobs").get("jobs").size(), "no job was started");
    }

    /** The vertex with every mention of {@code from} in its serialized operators replaced by {@code to}, of equal
     * length. */
    private static JobVertex withChainClassRenamed(JobVertex vertex, String from, String to) {
        String chain = new String(vertex.serializedChain(), StandardCharsets.ISO_8859_1);
        assertTrue(chain.contains(from) && from.length() == to.length());
        return new JobVertex(
                vertex.id(),
                vertex.name(),
                vertex.parallelism(),
                vertex.maxParallelism(),
                vertex.source(),
                vertex.numberOfOutputs(),
                chain.replace(from, to).getBytes(StandardCharsets.ISO_8859_1),
                JobVertex.DEFAULT_SLOT_SHARING_GROUP,
                List.of());
    }

    private static JobGraph withGraph(JobGraph graph, List<JobVertex> vertices, List<JobEdge> edges) {
        return new JobGraph(
                JobId.generate(),
                graph.jobName(),
                graph.batch(),
                vertices,
                edges,
                graph.userJars(),
                graph.jobConfiguration());
    }

    private static JobVertex withParallelism(JobVertex vertex, int parallelism) {
        return new JobVertex(
                vertex.id(),
                vertex.name(),
                parallelism,
                vertex.maxParallelism(),
                vertex.source(),
                vertex.numberOfOutputs(),
                vertex.serializedChain(),
                JobVertex.DEFAULT_SLOT_SHARING_GROUP,
                List.of());
    }

    @Test
    @Order(3)
    void callsThatChangeTheClusterWithoutItsCredentialAreRefusedAndChangeNothing() throws Exception {
        String jobPath = "/jobs/" + running.jobId();
        String otherClusters = RestAuthorization.headerValue(ClusterSecret.generate());
        for (String authorization : new String[] {null, otherClusters, "Bearer not-even-hex"}) {
            assertEquals(401, send("PATCH", jobPath + "?mode=cancel", authorization), "cancel with " + authorization);
            assertEquals(401, send("DELETE", "/cluster", authorization), "shutdown with " + authorization);
            HttpResponse<String> submit = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cluster.getRestPort() + "/jobs"))
                            .header("Content-Type", MultipartTestBody.CONTENT_TYPE)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(submission(endlessJob(), tinyJar())))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, submit.statusCode(), submit.body());
            assertTrue(submit.headers().firstValue("WWW-Authenticate").isPresent(), "HTTP's 401 names the scheme");
        }
        assertEquals("RUNNING", status(running), "not cancelled");
        assertEquals(1, get("/jobs").get("jobs").size(), "nothing submitted; the cluster still answers");
    }

    @Test
    @Order(4)
    void aThousandMalformedRequestsLeaveFewLogLinesNoUploadDirectoryAndTheJobRunning() throws Exception {
        String jobPath = "/jobs/" + running.jobId();
        byte[] notMatchingItsBoundary =
                "--other\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n{}\r\n--other--\r\n"
                        .getBytes(StandardCharsets.US_ASCII);
        List<byte[]> malformed = List.of(
                raw("GET /%zz HTTP/1.1"),
                raw("PATCH " + jobPath + "%?mode=stop HTTP/1.1"),
                raw("POST /jobs HTTP/1.1", "Content-Type: multipart/form-data; boundary=", "Content-Length: 0"),
                raw(
                        "POST /jobs HTTP/1.1",
                        "Content-Type: multipart/form-data; boundary=x; charset=no-such",
                        "Content-Length: 0"),
                "NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                withBody(
                        raw("POST /no-such-path HTTP/1.1", "Content-Type: application/json", "Content-Length: 4096"),
                        new byte[4096]),
                withBody(
                        raw(
                                "POST /jobs HTTP/1.1",
                                "Content-Type: multipart/form-data; boundary=xyz",
                                "Content-Length: " + notMatchingItsBoundary.length),
                        notMatchingItsBoundary),
                withBody(
                        raw(
                                "POST /jobs HTTP/1.1",
                                "Content-Type: " + MultipartTestBody.CONTENT_TYPE,
                                "Content-Length: " + runningRequest.length),
                        runningRequest),
                raw("GET /jobs/not-a-job-id HTTP/1.1"),
                raw("DELETE " + jobPath + " HTTP/1.1"));

        AtomicInteger answeredWith5xx = new AtomicInteger();
        int logLines;
        try (LogCapture log = LogCapture.attach()) {
            for (int i = 0; i < 1_000; i++) {
                int status = send(malformed.get(i % malformed.size()));
                if (status >= 500) {
                    answeredWith5xx.incrementAndGet();
                }
            }
            logLines = log.lines();
        }
        assertEquals(0, answeredWith5xx.get(), "no request is the server's fault");
        assertTrue(logLines < 100, "log lines for 1,000 malformed requests: " + logLines);
        try (Stream<Path> files = Files.walk(work)) {
            List<Path> uploads = files.filter(
                            path -> path.getFileName().toString().startsWith("floe-upload-"))
                    .toList();
            assertEquals(List.of(), uploads, "no upload directory is left");
        }
        assertEquals("RUNNING", status(running), "the job ran on");
        assertEquals(1, blobsOf(running).size());
    }

    private static byte[] raw(String requestLine, String... headers) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] withBody(byte[] head, byte[] body) {
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /** Sends one request on a fresh connection; the answer's status, or 0 if the server closed without one. */
    private static int send(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", cluster.getRestPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : 0;
        }
    }
}
