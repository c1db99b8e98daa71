package io.floe.api.functions;

/** What {@link RichFunction#open(OpenContext)} is given; empty today, as in Flink 1.20. */
public interface OpenContext {}
