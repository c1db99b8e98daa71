package io.floe.yarn;

import io.floe.configuration.Configuration;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Floe's framework jars on the cluster's file system under their content hash,
 * {@code <base>/.floe/lib-cache/<sha256>/<name>}, world-readable, and registers them as PUBLIC
 * LocalResources: a jar is uploaded once for all deployments and each NodeManager localizes it
 * once for all applications. A class directory (a development build) is packed into a jar with
 * fixed timestamps first, so its hash is stable too.
 *
 * <p>{@link #register} is called on the deploying thread and blocks it; the jars are hashed,
 * looked up and (if missing) uploaded on the executor it is given, all at once: one upload waits
 * for HDFS to confirm its last block (a NameNode poll that starts at 400 ms), so uploading one
 * jar after the other cost a first deployment about 0.3 s per jar.
 */
final class FrameworkJarCache {
    private static final Logger LOG = LoggerFactory.getLogger(FrameworkJarCache.class);
    private static final FsPermission WORLD_READABLE_DIR = new FsPermission((short) 0755);
    private static final FsPermission WORLD_READABLE_FILE = new FsPermission((short) 0644);

    private final FileSystem fs;
    private final org.apache.hadoop.fs.Path cacheDir;
    private final Executor executor;
    private final AtomicInteger uploaded = new AtomicInteger();

    /**
     * @param executor where the jars are hashed, looked up and uploaded; several threads let them
     *     overlap
     */
    FrameworkJarCache(FileSystem fs, org.apache.hadoop.fs.Path floeBase, Executor executor) {
        this.fs = fs;
        this.cacheDir = new org.apache.hadoop.fs.Path(floeBase, "lib-cache");
        this.executor = executor;
    }

    /** How many jars the last {@link #register} call had to upload. */
    int uploadedCount() {
        return uploaded.get();
    }

    /** The local jars (or class directories) the containers need: {@code yarn.framework.classpath}, else the deployer's
     * lib/. */
    static List<Path> localFrameworkClasspath(Configuration configuration) throws IOException {
        List<Path> entries = new ArrayList<>();
        for (String entry : configuration.get(YarnConfigOptions.FRAMEWORK_CLASSPATH)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry.trim()));
            }
        }
        if (!entries.isEmpty()) {
            return entries;
        }
        Path ownJar;
        try {
            ownJar = Path.of(FrameworkJarCache.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IOException("Cannot locate the YARN deployer's jar: " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(ownJar)) {
            throw new IOException("The YARN deployer runs from " + ownJar + ", not from a jar in lib/; set "
                    + YarnConfigOptions.FRAMEWORK_CLASSPATH.key() + " to the jars the containers need.");
        }
        try (Stream<Path> files = Files.list(ownJar.getParent())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Uploads what the cache lacks and describes every jar as a PUBLIC resource under {@code lib/},
     * in the order of {@code localEntries}.
     *
     * @throws IOException naming the entry, if one does not exist or could not be hashed or uploaded
     */
    List<ShippedResource> register(List<Path> localEntries, Path scratchDir) throws IOException {
        uploaded.set(0);
        ensureWorldReadableDir(cacheDir.getParent());
        ensureWorldReadableDir(cacheDir);
        LocalResourceVisibility visibility = visibility();
        List<String> names = new ArrayList<>();
        List<CompletableFuture<ShippedResource>> pending = new ArrayList<>();
        for (Path entry : localEntries) {
            boolean directory = Files.isDirectory(entry);
            if (!directory && !Files.isRegularFile(entry)) {
                throw new IOException("Framework classpath entry " + entry + " does not exist.");
            }
            // names are chosen here, in classpath order, so that they do not depend on the threads
            String name = uniqueName(
                    directory ? packedName(entry) : entry.getFileName().toString(), names);
            pending.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return register(entry, name, scratchDir, visibility);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    executor));
        }
        List<ShippedResource> resources = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            resources.add(await(pending.get(i), localEntries.get(i)));
        }
        LOG.info(
                "Framework classpath: {} jar(s), {} uploaded to {}, the rest cached",
                resources.size(),
                uploaded.get(),
                cacheDir);
        return resources;
    }

    /** One entry: packed if a directory, hashed, looked up, uploaded if missing. Runs on the executor. */
    private ShippedResource register(Path entry, String name, Path scratchDir, LocalResourceVisibility visibility)
            throws IOException {
        Path jar = Files.isDirectory(entry) ? packDirectory(entry, scratchDir.resolve(name)) : entry;
        org.apache.hadoop.fs.Path remote =
                new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(cacheDir, sha256(jar)), name);
        FileStatus status = statusIfComplete(remote, Files.size(jar));
        if (status == null) {
            status = upload(jar, remote);
            uploaded.incrementAndGet();
        }
        return ShippedResource.of(ContainerEnvironment.LIB_DIR + "/" + name, status, visibility);
    }

    private static ShippedResource await(CompletableFuture<ShippedResource> registration, Path entry)
            throws IOException {
        try {
            return registration.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while registering the framework jar " + entry);
        } catch (ExecutionException e) {
            Throwable cause =
                    e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause() : e.getCause();
            throw new IOException("Could not register the framework jar " + entry + ": " + cause.getMessage(), cause);
        }
    }

    /**
     * PUBLIC (one NodeManager copy for all users) needs every ancestor of the cache to be
     * world-executable; a home directory of mode 700 allows only PRIVATE (one copy per user).
     */
    private LocalResourceVisibility visibility() throws IOException {
        for (org.apache.hadoop.fs.Path dir = cacheDir; dir != null; dir = dir.getParent()) {
            if (!fs.getFileStatus(dir).getPermission().getOtherAction().implies(FsAction.EXECUTE)) {
                LOG.info(
                        "{} is not world-accessible, so the framework jars are cached per user (PRIVATE), not for "
                                + "all users (PUBLIC)",
                        dir);
                return LocalResourceVisibility.PRIVATE;
            }
        }
        return LocalResourceVisibility.PUBLIC;
    }

    private FileStatus statusIfComplete(org.apache.hadoop.fs.Path remote, long size) throws IOException {
        if (!fs.exists(remote)) {
            return null;
        }
        FileStatus status = fs.getFileStatus(remote);
        return status.getLen() == size ? status : null;
    }

    /** Writes next to the target and renames, so a concurrent deployment never sees half a jar. */
    private FileStatus upload(Path jar, org.apache.hadoop.fs.Path remote) throws IOException {
        org.apache.hadoop.fs.Path dir = remote.getParent();
        ensureWorldReadableDir(dir);
        org.apache.hadoop.fs.Path temp =
                new org.apache.hadoop.fs.Path(dir, "." + remote.getName() + "." + UUID.randomUUID());
        try (OutputStream out = fs.create(temp, true)) {
            Files.copy(jar, out);
        }
        fs.setPermission(temp, WORLD_READABLE_FILE);
        if (!fs.rename(temp, remote)) {
            fs.delete(temp, false);
            if (!fs.exists(remote)) {
                throw new IOException("Could not move " + temp + " to " + remote);
            }
        }
        LOG.debug("Uploaded {} to {}", jar, remote);
        return fs.getFileStatus(remote);
    }

    private void ensureWorldReadableDir(org.apache.hadoop.fs.Path dir) throws IOException {
        if (!fs.exists(dir)) {
            fs.mkdirs(dir, WORLD_READABLE_DIR);
        }
        if (!fs.getFileStatus(dir).getPermission().equals(WORLD_READABLE_DIR)) {
            fs.setPermission(dir, WORLD_READABLE_DIR);
        }
    }

    private static String uniqueName(String name, List<String> taken) {
        String unique = name;
        for (int i = 1; taken.contains(unique); i++) {
            unique = i + "-" + name;
        }
        taken.add(unique);
        return unique;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The jar name of a class directory: {@code <module>-classes.jar} for {@code <module>/target/classes}. */
    private static String packedName(Path dir) {
        return dir.getParent() != null && dir.getParent().getParent() != null
                ? dir.getParent().getParent().getFileName() + "-" + dir.getFileName() + ".jar"
                : dir.getFileName() + ".jar";
    }

    /** A deterministic jar of a class directory: sorted entries, fixed timestamps. */
    private static Path packDirectory(Path dir, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path file : files) {
                JarEntry entry = new JarEntry(dir.relativize(file).toString().replace('\\', '/'));
                entry.setTime(0L);
                out.putNextEntry(entry);
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
