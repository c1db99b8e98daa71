package io.floe.runtime.taskexecutor;

import io.floe.api.JobId;
import io.floe.runtime.blob.BlobCache;
import io.floe.runtime.blob.BlobKey;
import io.floe.runtime.classloading.ChildFirstClassLoader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One class loader per job, shared by all its tasks on this TaskManager and released (closed)
 * when the job leaves. It loads the job's jars child-first, with the engine's packages
 * parent-first, so two jobs with conflicting library versions run side by side. Jars named
 * {@code blob:<key>} come through the BlobCache of the job's BlobServer (verified by hash); a job
 * without jars (a program started on the classpath, as in an IDE) uses the TaskManager's own
 * loader. Main thread only.
 */
final class JobClassLoaders {
    static final String BLOB_PREFIX = "blob:";
    private static final Logger LOG = LoggerFactory.getLogger(JobClassLoaders.class);

    private final ClassLoader parent;
    private final Function<String, BlobCache> blobCaches;
    private final Map<JobId, ClassLoader> loaders = new HashMap<>();
    private final Map<JobId, BlobCache> registeredCaches = new HashMap<>();

    /** @param blobCaches the BlobCache for a BlobServer's host:port */
    JobClassLoaders(ClassLoader parent, Function<String, BlobCache> blobCaches) {
        this.parent = parent;
        this.blobCaches = blobCaches;
    }

    ClassLoader get(JobId jobId, List<String> jars, String blobServerAddress) {
        ClassLoader loader = loaders.get(jobId);
        if (loader == null) {
            loader = create(jobId, jars, blobServerAddress);
            loaders.put(jobId, loader);
        }
        return loader;
    }

    private ClassLoader create(JobId jobId, List<String> jars, String blobServerAddress) {
        if (jars.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < jars.size(); i++) {
            urls[i] = jars.get(i).startsWith(BLOB_PREFIX)
                    ? fetch(jobId, jars.get(i), blobServerAddress)
                    : toUrl(jars.get(i));
        }
        LOG.info("Class loader for job {} from {}", jobId, jars);
        return new ChildFirstClassLoader(urls, parent);
    }

    private URL fetch(JobId jobId, String jar, String blobServerAddress) {
        if (blobServerAddress == null) {
            throw new IllegalStateException("Job " + jobId + " names the blob " + jar + " but no BlobServer address");
        }
        BlobCache cache = registeredCaches.computeIfAbsent(jobId, id -> {
            BlobCache blobCache = blobCaches.apply(blobServerAddress);
            blobCache.registerJob(id);
            return blobCache;
        });
        try {
            return cache.getFile(jobId, BlobKey.parse(jar.substring(BLOB_PREFIX.length())))
                    .toUri()
                    .toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not fetch the jar " + jar + " of job " + jobId + " from the BlobServer at "
                            + blobServerAddress + ": " + e.getMessage(),
                    e);
        }
    }

    private static URL toUrl(String jar) {
        try {
            return jar.contains(":")
                    ? URI.create(jar).toURL()
                    : new File(jar).toURI().toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Bad job jar location '" + jar + "'", e);
        }
    }

    void release(JobId jobId) {
        ClassLoader loader = loaders.remove(jobId);
        if (loader instanceof URLClassLoader closeable && loader != parent) {
            try {
                closeable.close();
            } catch (IOException e) {
                LOG.warn("Closing the class loader of job {} failed", jobId, e);
            }
        }
        BlobCache cache = registeredCaches.remove(jobId);
        if (cache != null) {
            cache.releaseJob(jobId);
        }
    }
}
