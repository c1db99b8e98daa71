package io.floe.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.runtime.highavailability.LeaderRetrieval;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StandbyRestEndpointTest {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(); // follows no redirect
    private final AtomicReference<LeaderRetrieval.Leader> published = new AtomicReference<>();
    private Runnable listener = () -> {};
    private final LeaderRetrieval leaders = new LeaderRetrieval() {
        @Override
        public Leader current() {
            return published.get();
        }

        @Override
        public void onChange(Runnable onChange) {
            listener = onChange;
        }
    };

    private HttpResponse<String> send(int port, String method, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sendsEveryRequestToTheLeaderAndSaysWhenThereIsNone() throws Exception {
        try (StandbyRestEndpoint standby = StandbyRestEndpoint.start("localhost", 0, "http://localhost:1", leaders)) {
            HttpResponse<String> none = send(standby.getPort(), "GET", "/overview");
            assertEquals(503, none.statusCode());
            assertEquals(Optional.of("1"), none.headers().firstValue("Retry-After"));
            assertTrue(none.body().contains("no JobManager leads"), none.body());

            published.set(new LeaderRetrieval.Leader("host-a:1/resourcemanager", "t1", "http://host-a:8081"));
            listener.run();
            HttpResponse<String> redirected = send(standby.getPort(), "POST", "/jobs/abc?mode=cancel");
            assertEquals(307, redirected.statusCode(), "same method and body at the leader");
            assertEquals(
                    Optional.of("http://host-a:8081/jobs/abc?mode=cancel"),
                    redirected.headers().firstValue("Location"));

            // a record naming this JobManager itself is its own stale one (it just lost the leadership)
            published.set(new LeaderRetrieval.Leader("localhost:2/resourcemanager", "t0", "http://localhost:1"));
            listener.run();
            assertEquals(503, send(standby.getPort(), "GET", "/overview").statusCode());
        }
    }
}
