package io.floe.client.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.floe.runtime.rest.messages.ErrorResponseBody;
import io.floe.runtime.security.RestAuthorization;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request to the REST endpoint and reads the JSON answer into a body record.
 *
 * <p>A 2xx answer is decoded; any other answer becomes a {@link RestClientException} whose message
 * is the server's {@code errors} joined. No connection becomes a
 * {@link ClusterUnreachableException} telling the user how to point the client at the cluster.
 * Answers larger than {@code rest.client.max-content-length} are refused.
 *
 * <p>Threading: {@link #send} blocks the caller; the JDK client does its I/O on this transport's
 * own daemon threads. Thread-safe.
 */
final class JsonHttpTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JsonHttpTransport.class);

    /** Changes when the client follows a new leader ({@link #relocate}). */
    private volatile String baseUrl;

    private final Duration requestTimeout;
    private final long maxContentLength;
    private final ObjectMapper mapper;
    private final ExecutorService executor;
    private final HttpClient client;
    private final String authorization;

    /** @param authorization the {@code Authorization} header of every request, or null for none */
    JsonHttpTransport(
            String baseUrl,
            Duration connectTimeout,
            Duration requestTimeout,
            long maxContentLength,
            ObjectMapper mapper,
            String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.requestTimeout = requestTimeout;
        this.maxContentLength = maxContentLength;
        this.mapper = mapper;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "floe-rest-client");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .build();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Sends every later request to {@code newBaseUrl} ({@code http://host:port}): another JobManager leads. */
    void relocate(String newBaseUrl) {
        baseUrl = newBaseUrl;
    }

    /**
     * @param body {@code null} for a request without body
     * @param contentType the body's type; ignored without body
     */
    <T> T send(String method, String path, BodyPublisher body, String contentType, Class<T> responseType)
            throws RestClientException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header(RestAuthorization.HEADER, authorization);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, body).header("Content-Type", contentType);
        }
        String call = method + " " + path;
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw unreachable("connect timed out", e);
        } catch (ConnectException e) {
            throw unreachable(connectFailure(e), e);
        } catch (HttpTimeoutException e) {
            throw new RestClientException(
                    call + " to " + baseUrl + " got no answer within " + requestTimeout + " (client.timeout).", e);
        } catch (IOException e) {
            throw new RestClientException(call + " to " + baseUrl + " failed: " + detail(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestClientException("Interrupted while waiting for " + call + " to " + baseUrl + ".", e);
        }
        byte[] content = readLimited(response, call);
        int status = response.statusCode();
        LOG.debug("{} answered {}", call, status);
        if (status < 200 || status > 299) {
            throw new RestClientException(errorMessage(content, status, call), status);
        }
        try {
            return mapper.readValue(content, responseType);
        } catch (IOException e) {
            throw new RestClientException("Unreadable answer to " + call + " from " + baseUrl + ": " + detail(e), e);
        }
    }

    private byte[] readLimited(HttpResponse<InputStream> response, String call) throws RestClientException {
        try (InputStream in = response.body()) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxContentLength + 1));
            if (content.length > maxContentLength) {
                throw new RestClientException(
                        "The answer to " + call + " is larger than " + maxContentLength
                                + " bytes (rest.client.max-content-length).",
                        response.statusCode());
            }
            return content;
        } catch (IOException e) {
            throw new RestClientException(
                    "Could not read the answer to " + call + " from " + baseUrl + ": " + detail(e), e);
        }
    }

    private String errorMessage(byte[] content, int status, String call) {
        try {
            ErrorResponseBody errors = mapper.readValue(content, ErrorResponseBody.class);
            if (errors != null && errors.errors() != null && !errors.errors().isEmpty()) {
                return String.join("; ", errors.errors());
            }
        } catch (IOException e) {
            // not Flink's error body (a proxy's page, say): fall through to the status
        }
        return call + " to " + baseUrl + " failed with HTTP " + status + ".";
    }

    private ClusterUnreachableException unreachable(String reason, Throwable cause) {
        return new ClusterUnreachableException(
                "Cannot reach the Floe REST endpoint at " + baseUrl + " (" + reason
                        + "); is the cluster running? (-m / rest.address, rest.port)",
                cause);
    }

    /** Why no connection came about; the JDK client's ConnectException usually has no message. */
    private static String connectFailure(ConnectException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "unknown host";
            }
        }
        return detail(failure);
    }

    /** The first message down the cause chain; the JDK client often throws without one. */
    private static String detail(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return failure instanceof ConnectException
                ? "connection refused"
                : failure.getClass().getSimpleName();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
