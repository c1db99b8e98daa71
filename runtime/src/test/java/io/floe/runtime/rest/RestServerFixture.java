package io.floe.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floe.api.JobId;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.jobgraph.JobVertex;
import io.floe.runtime.rest.messages.RestJsonMapper;
import io.floe.runtime.types.JobVertexId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;

/**
 * A started {@link RestServerEndpoint} on an ephemeral loopback port, backed by a
 * {@link TestingDispatcherGateway} and a {@link TestingJobSubmitter}, plus a plain HTTP client to
 * talk to it. For one test class; close it afterwards.
 */
public final class RestServerFixture implements AutoCloseable {
    public static final ObjectMapper MAPPER = RestJsonMapper.create();

    /** A job graph the server accepts: one source vertex of parallelism 1, no jars. */
    public static JobGraph jobGraph(String name, Map<String, String> configuration) {
        JobVertex source = new JobVertex(
                new JobVertexId("00000000000000000000000000000001"),
                "source",
                1,
                128,
                true,
                0,
                new byte[] {1},
                JobVertex.DEFAULT_SLOT_SHARING_GROUP,
                List.of());
        return new JobGraph(JobId.generate(), name, false, List.of(source), List.of(), List.of(), configuration);
    }

    /** A jar of about {@code size} bytes: one stored entry of random bytes. */
    public static byte[] jarOf(int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            JarEntry entry = new JarEntry("data.bin");
            entry.setMethod(JarEntry.STORED);
            entry.setSize(size);
            CRC32 crc = new CRC32();
            crc.update(content);
            entry.setCrc(crc.getValue());
            jar.putNextEntry(entry);
            jar.write(content);
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public final TestingDispatcherGateway dispatcher = new TestingDispatcherGateway();
    public final TestingJobSubmitter submitter = new TestingJobSubmitter(dispatcher);
    public final Path uploadDirectory;
    public final RestServerEndpoint server;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** An answer: status, and the body parsed as JSON (null if empty). */
    public record Answer(int status, JsonNode body, Map<String, List<String>> headers) {}

    public RestServerFixture(
            Path uploadDirectory, long maxContentLength, Map<String, String> configuration, Clock clock)
            throws IOException {
        this(new RestServerConfig("127.0.0.1", 0, maxContentLength, uploadDirectory), configuration, clock);
    }

    /** A server with {@code config}, which should bind 127.0.0.1 on port 0. */
    public RestServerFixture(RestServerConfig config, Map<String, String> configuration, Clock clock)
            throws IOException {
        this.uploadDirectory = config.uploadDirectory();
        this.server = new RestServerEndpoint(config, dispatcher, submitter, configuration, clock);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public Answer get(String path) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), null);
    }

    public Answer send(String method, String path, BodyPublisher body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? null : MAPPER.readTree(response.body());
            return new Answer(response.statusCode(), json, response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends raw bytes over a fresh socket (for requests the JDK client refuses to send) and reads
     * the answer until the server closes the connection.
     */
    public Answer sendRaw(byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            byte[] answer = socket.getInputStream().readAllBytes();
            String text = new String(answer, StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            String body = text.substring(text.indexOf("\r\n\r\n") + 4);
            return new Answer(status, body.isEmpty() ? null : MAPPER.readTree(body), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything under the upload directory (recursively), for asserting that nothing is left. */
    /**
     * What is left in the upload directory. The server may delete a file while this walks the
     * directory; such a file is not left over, so the walk skips it.
     */
    public List<Path> leftoverUploads() {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(uploadDirectory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (!dir.equals(uploadDirectory)) {
                        found.add(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    found.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    return skipIfDeleted(e);
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    return e == null ? FileVisitResult.CONTINUE : skipIfDeleted(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static FileVisitResult skipIfDeleted(IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
        }
        throw e;
    }

    @Override
    public void close() {
        server.close();
    }
}
