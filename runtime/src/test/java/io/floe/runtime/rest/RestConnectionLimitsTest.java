package io.floe.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.runtime.rest.RestServerFixture.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a connection may hold of the server, over real sockets: idle and slow connections are
 * closed ({@code rest.idleness-timeout}, 300 ms here), bodies are bounded, and an answer that takes
 * longer than the timeout still arrives.
 */
class RestConnectionLimitsTest {
    private static final Duration IDLENESS = Duration.ofMillis(300);

    @TempDir
    static Path uploads;

    private static RestServerFixture fixture;

    @BeforeAll
    static void startServer() throws IOException {
        fixture = new RestServerFixture(
                new RestServerConfig(
                        "127.0.0.1",
                        0,
                        8 * 1024 * 1024,
                        uploads,
                        RestServerConfig.DEFAULT_REQUEST_TIMEOUT,
                        IDLENESS,
                        null),
                Map.of(),
                Clock.systemUTC());
    }

    @AfterAll
    static void stopServer() {
        fixture.close();
    }

    @AfterEach
    void nothingIsLeftInTheUploadDirectory() {
        assertEquals(List.of(), fixture.leftoverUploads());
    }

    /** Reads until the server closes the connection, or fails after {@code within}; returns what was read. */
    private static String readUntilClosed(Socket socket, Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        InputStream in = socket.getInputStream();
        StringBuilder read = new StringBuilder();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketException e) {
            // a reset also ends the connection
        }
        return read.toString();
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterItsAnswer() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", fixture.server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /config HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            String read = readUntilClosed(socket, Duration.ofSeconds(10));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(read.startsWith("HTTP/1.1 200"), "the answer came first: " + read);
            assertTrue(
                    millis >= IDLENESS.toMillis() / 2 && millis < 5_000,
                    "closed after the idleness timeout: " + millis);
        }
    }

    @Test
    void aRequestHeadTrickledByteByByteIsClosedWithoutAnAnswer() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", fixture.server.getPort())) {
            OutputStream out = socket.getOutputStream();
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return readUntilClosed(socket, Duration.ofSeconds(10));
                } catch (IOException e) {
                    return "read failed: " + e;
                }
            });
            long start = System.nanoTime();
            byte[] head = "GET /config HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; !answer.isDone() && i < 200; i++) { // never idle: a byte every 20 ms
                    out.write(head[Math.min(i, head.length - 1)]);
                    out.flush();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                }
            } catch (IOException e) {
                // the server closed the connection under the writer
            }
            String read = answer.get(10, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("", read, "no answer to a head that never completed");
            assertTrue(millis < 3_000, "closed soon after the timeout, not after 4 s of trickling: " + millis);
        }
    }

    @Test
    void anAnswerThatTakesLongerThanTheIdlenessTimeoutStillArrives() throws Exception {
        CompletableFuture<Void> submitted = new CompletableFuture<>();
        fixture.submitter.answerWith(submitted);
        try {
            byte[] body = new MultipartTestBody()
                    .field("request", "{\"jobGraphFileName\":\"graph.json\",\"jobJarFileNames\":[]}")
                    .file(
                            "file_0",
                            "graph.json",
                            RestServerFixture.MAPPER.writeValueAsBytes(RestServerFixture.jobGraph("slow", Map.of())))
                    .build();
            CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> fixture.send(
                    "POST", "/jobs", HttpRequest.BodyPublishers.ofByteArray(body), MultipartTestBody.CONTENT_TYPE));
            LockSupport.parkNanos(IDLENESS.multipliedBy(3).toNanos());
            submitted.complete(null);
            assertEquals(202, answer.get(10, TimeUnit.SECONDS).status());
        } finally {
            fixture.submitter.answerWith(null);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheirOrderEvenWhenAnEarlierAnswerIsSlow() throws Exception {
        CompletableFuture<Void> submitted = new CompletableFuture<>();
        fixture.submitter.answerWith(submitted);
        try (Socket socket = new Socket("127.0.0.1", fixture.server.getPort())) {
            byte[] multipart = new MultipartTestBody()
                    .field("request", "{\"jobGraphFileName\":\"graph.json\",\"jobJarFileNames\":[]}")
                    .file(
                            "file_0",
                            "graph.json",
                            RestServerFixture.MAPPER.writeValueAsBytes(
                                    RestServerFixture.jobGraph("pipelined", Map.of())))
                    .build();
            ByteArrayOutputStream requests = new ByteArrayOutputStream();
            requests.writeBytes(("POST /jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                            + MultipartTestBody.CONTENT_TYPE + "\r\nContent-Length: " + multipart.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            requests.writeBytes(multipart);
            requests.writeBytes(("GET /config HTTP/1.1\r\nHost: localhost\r\n\r\n"
                            + "GET /nope HTTP/1.1\r\nHost: localhost\r\n\r\n"
                            + "GET /jobs/overview HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            out.write(requests.toByteArray()); // all four at once, before any answer
            out.flush();
            CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return readUntilClosed(socket, Duration.ofSeconds(10));
                } catch (IOException e) {
                    return "read failed: " + e;
                }
            });
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // the later answers are ready long before
            submitted.complete(null);
            String answers = read.get(10, TimeUnit.SECONDS);
            List<String> statuses = Pattern.compile("HTTP/1\\.1 (\\d{3})")
                    .matcher(answers)
                    .results()
                    .map(match -> match.group(1))
                    .toList();
            assertEquals(List.of("202", "200", "404", "200"), statuses, answers);
            assertTrue(
                    answers.indexOf("/jobs/") < answers.indexOf("refresh-interval")
                            && answers.lastIndexOf("\"jobs\"") > answers.indexOf("Not found: /nope"),
                    answers);
        } finally {
            fixture.submitter.answerWith(null);
        }
    }

    @Test
    void aBodyThatIsNoUploadIsKeptOnlyUpToOneMebibyte() {
        Answer answer = fixture.send(
                "PATCH",
                "/jobs/0123456789abcdef0123456789abcdef?mode=cancel",
                HttpRequest.BodyPublishers.ofByteArray(new byte[2 * RestRequestReader.MAX_IN_MEMORY_BODY]),
                "application/json");
        assertEquals(413, answer.status());
        assertTrue(
                answer.body().get("errors").get(0).asText().contains("multipart/form-data"),
                String.valueOf(answer.body()));
    }

    @Test
    void anUploadToAPathWithoutHandlerIsDroppedAndAnsweredNotFound() {
        byte[] body = new MultipartTestBody()
                .file("file_0", "big.jar", new byte[4 * 1024 * 1024])
                .build();
        Answer answer = fixture.send(
                "POST", "/no-such-path", HttpRequest.BodyPublishers.ofByteArray(body), MultipartTestBody.CONTENT_TYPE);
        assertEquals(404, answer.status());
        assertEquals(200, fixture.get("/config").status(), "the server answers on");
    }
}
