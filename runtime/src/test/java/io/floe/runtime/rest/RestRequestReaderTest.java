package io.floe.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.runtime.rest.RestServerFixture.Answer;
import io.floe.testutils.Deadline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request size limit and upload cleanup, over real HTTP: too large is 413 whether announced or
 * discovered while streaming, and the upload directory is empty afterwards either way.
 */
class RestRequestReaderTest {
    private static final int LIMIT = 64 * 1024;

    @TempDir
    static Path uploads;

    private static RestServerFixture fixture;

    @BeforeAll
    static void startServer() throws IOException {
        fixture = new RestServerFixture(uploads, LIMIT, Map.of(), Clock.systemUTC());
    }

    @AfterAll
    static void stopServer() {
        fixture.close();
    }

    @AfterEach
    void nothingIsLeftInTheUploadDirectory() {
        assertEquals(List.of(), fixture.leftoverUploads());
    }

    private static byte[] oversizedSubmission() {
        return new MultipartTestBody()
                .field("request", "{\"jobGraphFileName\":\"graph.json\",\"jobJarFileNames\":[\"big.jar\"]}")
                .file("file_0", "big.jar", new byte[3 * LIMIT])
                .build();
    }

    @Test
    void anAnnouncedLengthAboveTheLimitIsRefusedBeforeReading() {
        Answer answer = fixture.send(
                "POST",
                "/jobs",
                HttpRequest.BodyPublishers.ofByteArray(oversizedSubmission()),
                MultipartTestBody.CONTENT_TYPE);

        assertEquals(413, answer.status());
        String message = answer.body().get("errors").get(0).asText();
        assertTrue(
                message.contains("rest.server.max-content-length") && message.contains(String.valueOf(LIMIT)), message);
        assertEquals(0, fixture.submitter.submissions().size());
    }

    @Test
    void aChunkedBodyIsRefusedWhenItsBytesPassTheLimit() {
        byte[] body = oversizedSubmission();
        List<ByteBuffer> chunks = new ArrayList<>();
        for (int offset = 0; offset < body.length; offset += 8192) {
            chunks.add(ByteBuffer.wrap(body, offset, Math.min(8192, body.length - offset)));
        }
        // no length known up front: the JDK client sends it chunked
        HttpRequest.BodyPublisher chunked =
                HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(chunks.stream()
                        .map(b -> {
                            byte[] copy = new byte[b.remaining()];
                            b.get(copy);
                            return copy;
                        })
                        .toList()));

        Answer answer = fixture.send("POST", "/jobs", chunked, MultipartTestBody.CONTENT_TYPE);

        assertEquals(413, answer.status());
        assertTrue(answer.body().get("errors").get(0).asText().contains("or more"));
    }

    @Test
    void aStreamedUploadThatPassesTheLimitLeavesNoHalfWrittenFile() throws Exception {
        byte[] body = oversizedSubmission();
        try (Socket socket = new Socket("127.0.0.1", fixture.server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /jobs HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nContent-Type: "
                            + MultipartTestBody.CONTENT_TYPE + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            int firstPart = LIMIT / 2;
            writeChunk(out, body, 0, firstPart);
            awaitTrue(RestRequestReaderTest::aPartialFileIsOnDisk, "the upload to start streaming to disk");

            writeChunk(out, body, firstPart, body.length - firstPart);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readToEnd(socket.getInputStream());

            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase().contains("connection: close"), answer);
            assertTrue(answer.contains("{\"errors\":["), answer);
        }
        assertEquals(List.of(), fixture.leftoverUploads());
    }

    @Test
    void anUploadCutOffByTheClientLeavesNothing() throws Exception {
        byte[] body = oversizedSubmission();
        try (Socket socket = new Socket("127.0.0.1", fixture.server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /jobs HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + (LIMIT - 1) + "\r\nContent-Type: "
                            + MultipartTestBody.CONTENT_TYPE + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, LIMIT / 2);
            out.flush();
            awaitTrue(RestRequestReaderTest::aPartialFileIsOnDisk, "the upload to start streaming to disk");
        }
        awaitTrue(() -> fixture.leftoverUploads().isEmpty(), "the cut-off upload to be deleted");
    }

    @Test
    void anyRequestBodyIsLimited() {
        Answer answer = fixture.send(
                "PATCH",
                "/jobs/" + "a".repeat(32) + "?mode=cancel",
                HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1]),
                "application/json");

        assertEquals(413, answer.status());
    }

    @Test
    void garbageIsABadRequest() {
        Answer answer = fixture.sendRaw("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertEquals(400, answer.status());
        assertTrue(answer.body().get("errors").get(0).asText().startsWith("Malformed HTTP request"));
    }

    private static Answer raw(String requestLine, String... headers) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return fixture.sendRaw(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static void assertUserFacingBadRequest(Answer answer, String expected) {
        assertEquals(400, answer.status(), String.valueOf(answer.body()));
        String message = answer.body().get("errors").get(0).asText();
        assertTrue(message.contains(expected), message);
        assertTrue(!message.contains("Exception") && !message.contains("java."), "no Java internals: " + message);
    }

    @Test
    void anInvalidPercentEscapeInThePathIsABadRequest() {
        assertUserFacingBadRequest(raw("GET /%zz HTTP/1.1"), "Malformed request URI '/%zz'");
        assertUserFacingBadRequest(
                raw("PATCH /jobs/0123456789abcdef0123456789abcdef%?mode=stop HTTP/1.1"), "Malformed request URI");
    }

    @Test
    void aMultipartContentTypeWithoutBoundaryIsABadRequestOnAnyPath() {
        for (String path : List.of("/jobs", "/no-such-path")) {
            assertUserFacingBadRequest(
                    raw(
                            "POST " + path + " HTTP/1.1",
                            "Content-Type: multipart/form-data; boundary=",
                            "Content-Length: 0"),
                    "Content-Type header needs a non-empty boundary");
        }
    }

    @Test
    void aMultipartContentTypeWithAnUnknownCharsetIsABadRequestAndLeavesNoUploadDirectory() {
        assertUserFacingBadRequest(
                raw(
                        "POST /jobs HTTP/1.1",
                        "Content-Type: multipart/form-data; boundary=xyz; charset=no-such-charset",
                        "Content-Length: 0"),
                "a known charset");
        // on a path without handler the upload is not even begun: 404
        assertEquals(
                404,
                raw(
                                "POST /no-such-path HTTP/1.1",
                                "Content-Type: multipart/form-data; boundary=xyz; charset=no-such-charset",
                                "Content-Length: 0")
                        .status());
        // and no floe-upload-* directory is left: see nothingIsLeftInTheUploadDirectory
    }

    @Test
    void aMultipartBodyThatDoesNotMatchItsBoundaryIsABadRequest() {
        byte[] body = "--other\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n{}\r\n--other--\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        Answer answer = fixture.send(
                "POST", "/jobs", HttpRequest.BodyPublishers.ofByteArray(body), "multipart/form-data; boundary=xyz");
        assertEquals(400, answer.status(), String.valueOf(answer.body()));
        String message = answer.body().get("errors").get(0).asText();
        assertTrue(!message.contains("Exception") && !message.contains("java."), "no Java internals: " + message);
    }

    @Test
    void theServerStillAnswersAfterRefusals() {
        anAnnouncedLengthAboveTheLimitIsRefusedBeforeReading();

        assertEquals(200, fixture.get("/config").status());
    }

    private static boolean aPartialFileIsOnDisk() {
        return fixture.leftoverUploads().stream().anyMatch(path -> {
            try {
                return Files.isRegularFile(path) && Files.size(path) > LIMIT / 4;
            } catch (IOException e) {
                return false; // deleted meanwhile
            }
        });
    }

    private static void writeChunk(OutputStream out, byte[] bytes, int offset, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, offset, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readToEnd(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        Deadline.waitUntil(condition, Duration.ofSeconds(10), what);
    }
}
