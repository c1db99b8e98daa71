/**
 * Maps an HTTP method and path to a target, with path templates such as {@code /jobs/:jobid}.
 * Built once before the server starts and read-only afterwards, so any thread (in practice the
 * Netty event loops) may route concurrently. Knows nothing about HTTP handling beyond the method.
 */
package io.floe.runtime.rest.router;
