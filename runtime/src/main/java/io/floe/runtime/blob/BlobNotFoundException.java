package io.floe.runtime.blob;

import java.io.FileNotFoundException;

/** A requested blob is not stored where it was looked for. */
public class BlobNotFoundException extends FileNotFoundException {
    private static final long serialVersionUID = 1L;

    public BlobNotFoundException(String message) {
        super(message);
    }
}
