package io.floe.api.serialization;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/** Writes one element of a row-format file sink, for example a line of text. */
@FunctionalInterface
public interface Encoder<IN> extends Serializable {
    void encode(IN element, OutputStream stream) throws IOException;
}
