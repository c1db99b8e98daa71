package io.floe.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The framework jar cache on the local file system, with the upload threads of a deployment. */
class FrameworkJarCacheTest {
    @TempDir
    Path local;

    @TempDir
    Path cluster;

    private FileSystem fs;
    private org.apache.hadoop.fs.Path floeBase;
    private ExecutorService uploads;
    private final Set<String> uploadThreadNames = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tasks = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        fs = FileSystem.getLocal(new Configuration());
        floeBase = new org.apache.hadoop.fs.Path(cluster.toUri().toString(), ".floe");
        uploads = Executors.newFixedThreadPool(4, runnable -> new Thread(runnable, "upload-test"));
    }

    @AfterEach
    void tearDown() {
        uploads.shutdownNow();
    }

    private FrameworkJarCache cache() {
        return new FrameworkJarCache(fs, floeBase, task -> {
            tasks.incrementAndGet();
            uploads.execute(() -> {
                uploadThreadNames.add(Thread.currentThread().getName());
                task.run();
            });
        });
    }

    @Test
    void uploadsEachJarOnceOnTheUploadThreadsAndKeepsTheClasspathOrder() throws IOException {
        List<Path> classpath = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            classpath.add(jar("lib", "dep-" + i + ".jar", "content " + i));
        }
        classpath.add(jar("other", "dep-3.jar", "another jar of the same name"));

        FrameworkJarCache first = cache();
        List<ShippedResource> registered = first.register(classpath, Files.createDirectories(local.resolve("scratch")));

        assertEquals(13, first.uploadedCount());
        assertEquals(13, tasks.get(), "every jar is hashed and uploaded on the executor");
        assertEquals(Set.of("upload-test"), uploadThreadNames);
        List<String> keys = registered.stream().map(ShippedResource::key).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add("lib/dep-" + i + ".jar");
        }
        expected.add("lib/1-dep-3.jar");
        assertEquals(expected, keys, "classpath order, a second jar of one name renamed");
        for (int i = 0; i < registered.size(); i++) {
            assertEquals(Files.size(classpath.get(i)), registered.get(i).size());
            assertTrue(
                    registered.get(i).uri().getPath().contains(FrameworkJarCache.sha256(classpath.get(i))),
                    "stored under its content hash: " + registered.get(i).uri());
        }

        FrameworkJarCache second = cache();
        assertEquals(registered, second.register(classpath, Files.createDirectories(local.resolve("scratch2"))));
        assertEquals(0, second.uploadedCount(), "the next deployment uploads nothing");
    }

    @Test
    void aClassDirectoryIsPackedIntoAJarWhoseHashDoesNotChange() throws IOException {
        Path classes = Files.createDirectories(local.resolve("runtime/target/classes/io/floe"));
        Files.writeString(classes.resolve("A.class"), "a");
        Files.writeString(classes.resolve("B.class"), "b");
        Path classDirectory = local.resolve("runtime/target/classes");

        ShippedResource first = cache().register(List.of(classDirectory), Files.createDirectories(local.resolve("s1")))
                .get(0);
        ShippedResource second = cache().register(List.of(classDirectory), Files.createDirectories(local.resolve("s2")))
                .get(0);
        assertEquals("lib/runtime-classes.jar", first.key());
        assertEquals(first.uri(), second.uri());

        Files.writeString(classes.resolve("B.class"), "b, changed");
        ShippedResource changed = cache().register(
                        List.of(classDirectory), Files.createDirectories(local.resolve("s3")))
                .get(0);
        assertNotEquals(first.uri(), changed.uri());
    }

    @Test
    void aMissingEntryIsNamed() {
        Path missing = local.resolve("lib/missing.jar");
        IOException e = assertThrows(IOException.class, () -> cache().register(List.of(missing), local));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    private Path jar(String dir, String name, String content) throws IOException {
        Path file = Files.createDirectories(local.resolve(dir)).resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
