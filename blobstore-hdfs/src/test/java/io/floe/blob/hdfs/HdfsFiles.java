package io.floe.blob.hdfs;

import java.io.IOException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** What the tests do to files on HDFS behind Floe's back. */
final class HdfsFiles {
    private HdfsFiles() {}

    /**
     * Rewrites the file with its first byte flipped: same length and valid HDFS checksums, so only
     * the SHA-256 of the content can tell (bit rot above HDFS, a bad copy, tampering).
     */
    static void flipFirstByte(FileSystem fs, Path file) throws IOException {
        byte[] content;
        try (FSDataInputStream in = fs.open(file)) {
            content = in.readAllBytes();
        }
        content[0] ^= 0x01;
        try (FSDataOutputStream out = fs.create(file, true)) {
            out.write(content);
        }
    }
}
