/**
 * Configuration: typed {@link io.floe.configuration.ConfigOption}s under Flink's key names,
 * grouped by area in {@code *Options} classes, loaded from {@code config.yaml} and overridden by
 * {@code -D key=value}. Unknown keys and unparsable values fail with a message naming the key.
 * Plain values; no thread of its own.
 */
package io.floe.configuration;
