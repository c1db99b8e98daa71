package io.floe.api.serialization;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Writes each element's {@code toString()} and a newline, in the given charset (UTF-8 by default). */
public class SimpleStringEncoder<IN> implements Encoder<IN> {
    private static final long serialVersionUID = 1L;

    private final String charsetName;
    private transient Charset charset;

    public SimpleStringEncoder() {
        this("UTF-8");
    }

    public SimpleStringEncoder(String charsetName) {
        this.charset = Charset.forName(charsetName); // fails now on an unknown charset
        this.charsetName = charsetName;
    }

    @Override
    public void encode(IN element, OutputStream stream) throws IOException {
        if (charset == null) {
            charset = charsetName.equals("UTF-8") ? StandardCharsets.UTF_8 : Charset.forName(charsetName);
        }
        stream.write(String.valueOf(element).getBytes(charset));
        stream.write('\n');
    }
}
