package io.floe.blob.hdfs;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * How the stores write a small file so that a crash never leaves half of it: the content goes to
 * a hidden temporary file next to the target, which is then renamed onto it (an existing target is
 * deleted first: a rename onto a file fails on HDFS, and a reader in between sees no file). Stateless.
 */
final class WholeFileWrite {
    private WholeFileWrite() {}

    /** Writes {@code content} to {@code target} through {@code temporary}, in the same directory. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** @throws IOException naming {@code what} and the target if the rename fails */
    static void write(FileSystem fs, Path temporary, Path target, String what, Content content) throws IOException {
        try (OutputStream out = fs.create(temporary, true)) {
            content.writeTo(out);
        }
        fs.delete(target, false);
        if (!fs.rename(temporary, target)) {
            throw new IOException("Could not " + what + " as " + target);
        }
    }
}
