package io.floe.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The assembled distribution as a user drives it: runs its scripts with a configuration directory
 * and log directory of the test's own, and talks to the cluster's REST endpoint.
 */
final class FloeDistribution {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path home = Path.of(System.getProperty("floe.dist.dir", "target/floe-0.1.0-SNAPSHOT"))
            .toAbsolutePath();
    final Path confDir;
    final Path logDir;
    final int restPort;
    final int rpcPort;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A distribution whose conf/ is copied to {@code workDir/conf} with free ports and {@code extraConfig} appended.
     * */
    FloeDistribution(Path workDir, String extraConfig) throws IOException {
        confDir = Files.createDirectories(workDir.resolve("conf"));
        logDir = Files.createDirectories(workDir.resolve("log"));
        try (Stream<Path> files = Files.list(home.resolve("conf"))) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("cluster-secret")) {
                    Files.copy(file, confDir.resolve(file.getFileName()));
                }
            }
        }
        restPort = freePort();
        rpcPort = freePort();
        Files.writeString(
                confDir.resolve("config.yaml"),
                "\njobmanager.rpc.port: " + rpcPort + "\nrest.port: " + restPort + "\n" + extraConfig + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Runs {@code bin/<script> args...}; returns exit code and combined output. */
    Result run(String script, String... args) throws IOException, InterruptedException {
        return run(Map.of(), script, args);
    }

    /** Runs {@code bin/<script> args...} with {@code extraEnvironment} added; returns exit code and combined output. */
    Result run(Map<String, String> extraEnvironment, String script, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve(script).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("FLOE_CONF_DIR", confDir.toString());
        environment.put("FLOE_LOG_DIR", logDir.toString());
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.putAll(extraEnvironment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(script + " did not end within 5 minutes");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {}

    /** GET (or another method) on the REST endpoint; the body parsed as JSON. */
    Response rest(String method, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + path)), method);
    }

    /** As {@link #rest}, with the REST credential derived from the cluster secret that start-cluster.sh created. */
    Response restWithCredential(String method, String path) throws IOException, InterruptedException {
        String credential = io.floe.runtime.security.RestAuthorization.headerValue(
                io.floe.runtime.security.ClusterSecret.load(confDir.resolve("cluster-secret")));
        return send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + path))
                        .header(io.floe.runtime.security.RestAuthorization.HEADER, credential),
                method);
    }

    private Response send(HttpRequest.Builder builder, String method) throws IOException, InterruptedException {
        HttpRequest request = builder.method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    record Response(int status, JsonNode body) {}

    JsonNode get(String path) {
        try {
            Response response = rest("GET", path);
            return response.status() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    String jobState(String jobId) {
        JsonNode job = get("/jobs/" + jobId);
        return job == null ? null : job.path("state").asText();
    }

    /** The pids of the running processes of a role, from the scripts' pid file. */
    List<Long> pids(String role) throws IOException {
        Path pidFile = logDir.resolve("floe-" + System.getProperty("user.name") + "-" + role + ".pid");
        List<Long> pids = new ArrayList<>();
        if (Files.exists(pidFile)) {
            for (String line : Files.readAllLines(pidFile)) {
                if (!line.isBlank()) {
                    pids.add(Long.parseLong(line.trim()));
                }
            }
        }
        return pids;
    }

    /**
     * Checks the output of the CheckpointedCounts example (lines {@code key,event,count}, written by an
     * exactly-once FileSink): no file left in progress, every one of {@code events} events exactly once,
     * and each of the {@code keys} keys counted 1..n once each.
     */
    static void assertEveryEventOnceWithCounts(Path output, int events, int keys) throws IOException {
        Map<Long, Integer> seen = new HashMap<>();
        Map<Long, List<Long>> countsByKey = new HashMap<>();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                assertFalse(name.contains("inprogress"), "left in progress: " + file);
                if (name.startsWith(".")) {
                    continue; // the local file system's checksums
                }
                for (String line : Files.readAllLines(file)) {
                    String[] parts = line.split(",");
                    seen.merge(Long.parseLong(parts[1]), 1, Integer::sum);
                    countsByKey
                            .computeIfAbsent(Long.parseLong(parts[0]), k -> new ArrayList<>())
                            .add(Long.parseLong(parts[2]));
                }
            }
        }
        assertEquals(events, seen.size(), "every event is in the output");
        assertTrue(seen.values().stream().allMatch(times -> times == 1), "no event twice");
        assertEquals(keys, countsByKey.size());
        for (List<Long> counts : countsByKey.values()) {
            counts.sort(null);
            for (int i = 0; i < counts.size(); i++) {
                assertEquals(i + 1L, counts.get(i), "a key's counts run 1..n once each");
            }
        }
    }

    static void waitUntil(BooleanSupplier condition, Duration timeout, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            LockSupport.parkNanos(100_000_000L);
        }
    }

    static Map<String, Long> countWords(Path file) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            for (String word : line.split(" ")) {
                if (!word.isEmpty()) {
                    counts.merge(word, 1L, Long::sum);
                }
            }
        }
        return counts;
    }
}
