package io.floe.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One element of {@code GET /jobmanager/config}, which answers a JSON array of them. */
public record ConfigurationEntry(@JsonProperty("key") String key, @JsonProperty("value") String value) {}
