package io.floe.blob.hdfs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/** A one-DataNode MiniDFSCluster for a test class, and what the tests do to files behind Floe's back. */
final class MiniHdfs {
    private MiniHdfs() {}

    /** Starts a cluster that keeps its data under {@code target/<name>}, emptied first. */
    static MiniDFSCluster start(String name) throws IOException {
        java.nio.file.Path work = java.nio.file.Path.of("target", name).toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        System.setProperty("test.build.data", work.resolve("data").toString());
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(
                        new Configuration(), work.resolve("dfs").toFile())
                .numDataNodes(1)
                .build();
        cluster.waitActive();
        return cluster;
    }

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

    private static void deleteRecursively(java.nio.file.Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(java.nio.file.Path file, BasicFileAttributes attributes)
                    throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(java.nio.file.Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
