/**
 * The JSON bodies of Floe's REST API, shared by the server ({@code io.floe.runtime.rest}) and the
 * REST client. Every record spells Flink's field names, which are the contract: a dashboard or
 * script written for Flink's REST API reads them unchanged. Records are immutable and thread-safe;
 * {@link io.floe.runtime.rest.messages.RestJsonMapper} is the one mapper configuration both sides
 * use.
 */
package io.floe.runtime.rest.messages;
