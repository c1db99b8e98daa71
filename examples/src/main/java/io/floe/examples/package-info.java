/**
 * Example Floe programs, each packaged as its own jar with a {@code Main-Class} so that
 * {@code floe run examples/WordCount.jar} needs no {@code -c}: {@link io.floe.examples.WordCount}
 * (bounded text, BATCH or STREAMING), {@link io.floe.examples.SocketTextStreamUpperCase}
 * (unbounded socket input) and {@link io.floe.examples.KeyedSumGenerator} (a generator source
 * feeding a keyed sum). They use only the public API ({@code io.floe.api}), as a user's job does.
 */
package io.floe.examples;
