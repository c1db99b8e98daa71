package io.floe.runtime.operators.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * Reads the lines that start inside {@code [start, end)} of a file, tracking byte positions
 * exactly. A split not at the file's start skips the partial line it begins in (its owner is the
 * previous split); the last line read may run past {@code end}. Lines end at '\n'; a trailing
 * '\r' is dropped.
 */
final class LineReader {
    private final FSDataInputStream in;
    private final long end;
    private final byte[] buffer = new byte[1 << 16];
    private int bufferPos;
    private int bufferLimit;
    private long position;
    private byte[] lineBuffer = new byte[256];

    LineReader(FSDataInputStream in, long start, long end) throws IOException {
        this.in = in;
        this.end = end;
        if (start > 0) {
            in.seek(start - 1);
            position = start - 1;
            skipLine();
        } else {
            in.seek(0);
            position = 0;
        }
    }

    /** Where the next line starts: a reader constructed with this as {@code start} goes on from here. */
    long position() {
        return position;
    }

    /** The next line starting before {@code end}, or null. */
    String nextLine() throws IOException {
        if (position >= end) {
            return null;
        }
        int length = 0;
        boolean sawAny = false;
        while (true) {
            if (bufferPos == bufferLimit && !fill()) {
                break;
            }
            sawAny = true;
            int scan = bufferPos;
            while (scan < bufferLimit && buffer[scan] != '\n') {
                scan++;
            }
            int chunk = scan - bufferPos;
            if (length + chunk > lineBuffer.length) {
                lineBuffer = Arrays.copyOf(lineBuffer, Math.max(lineBuffer.length * 2, length + chunk));
            }
            System.arraycopy(buffer, bufferPos, lineBuffer, length, chunk);
            length += chunk;
            position += chunk;
            bufferPos = scan;
            if (scan < bufferLimit) {
                bufferPos++;
                position++;
                return decode(length);
            }
        }
        return sawAny && length > 0 ? decode(length) : null;
    }

    private String decode(int length) {
        if (length > 0 && lineBuffer[length - 1] == '\r') {
            length--;
        }
        return new String(lineBuffer, 0, length, StandardCharsets.UTF_8);
    }

    private void skipLine() throws IOException {
        while (true) {
            if (bufferPos == bufferLimit && !fill()) {
                return;
            }
            byte b = buffer[bufferPos++];
            position++;
            if (b == '\n') {
                return;
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        bufferPos = 0;
        bufferLimit = n;
        return true;
    }
}
