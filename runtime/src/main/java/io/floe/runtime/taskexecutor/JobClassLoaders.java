package io.floe.runtime.taskexecutor;

import io.floe.api.JobId;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One class loader per job, built from the job's jars and shared by all its tasks on this
 * TaskManager; released (closed) when the job leaves. A job without jars (a program started on
 * the classpath, as in an IDE) uses the TaskManager's own loader. Main thread only.
 */
final class JobClassLoaders {
    private static final Logger LOG = LoggerFactory.getLogger(JobClassLoaders.class);
    private final ClassLoader parent;
    private final Map<JobId, ClassLoader> loaders = new HashMap<>();

    JobClassLoaders(ClassLoader parent) {
        this.parent = parent;
    }

    ClassLoader get(JobId jobId, List<String> jars) {
        return loaders.computeIfAbsent(jobId, id -> create(id, jars));
    }

    private ClassLoader create(JobId jobId, List<String> jars) {
        if (jars.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < jars.size(); i++) {
            urls[i] = toUrl(jars.get(i));
        }
        LOG.info("Class loader for job {} from {}", jobId, jars);
        return new URLClassLoader("job-" + jobId, urls, parent);
    }

    private static URL toUrl(String jar) {
        try {
            return jar.contains(":") ? URI.create(jar).toURL() : new java.io.File(jar).toURI().toURL();
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
    }
}
