package io.floe.runtime.rest.handler.cluster;

import io.floe.runtime.rest.handler.HandlerRequest;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestResponse;
import io.floe.runtime.rest.handler.ServerVersion;
import io.floe.runtime.rest.messages.DashboardConfiguration;
import java.time.Clock;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /config}: refresh interval, time zone and version for a dashboard. Floe cancels jobs
 * over REST but has no jar upload, rescaling or history server, and says so in {@code features}.
 */
public final class DashboardConfigHandler implements RestHandler {
    /** Flink's {@code web.refresh-interval} default. */
    static final long REFRESH_INTERVAL_MILLIS = 3000;

    private final Clock clock;

    public DashboardConfigHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CompletableFuture<RestResponse> handle(HandlerRequest request) {
        TimeZone zone = TimeZone.getTimeZone(clock.getZone());
        DashboardConfiguration body = new DashboardConfiguration(
                REFRESH_INTERVAL_MILLIS,
                zone.getDisplayName(),
                zone.getOffset(clock.millis()),
                ServerVersion.VERSION,
                ServerVersion.REVISION,
                new DashboardConfiguration.Features(false, true, false, false));
        return CompletableFuture.completedFuture(RestResponse.ok(body));
    }
}
