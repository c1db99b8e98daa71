package io.floe.api.connector.sink2;

import java.io.Serializable;

/**
 * What {@code DataStream.sinkTo(...)} takes. Floe runs the {@code FileSink}; writing a sink of
 * your own against this interface is not supported yet (use {@code addSink(SinkFunction)}).
 */
public interface Sink<IN> extends Serializable {}
