package io.floe.runtime.rest;

import io.floe.runtime.jobgraph.JobGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every submission with the jar bytes as they were when {@link #submit} was called, then
 * hands the graph to a {@link TestingDispatcherGateway} (if given) or fails as told. Thread-safe.
 */
public final class TestingJobSubmitter implements JobSubmitter {
    /** One submission: the graph, and each jar's file name with its bytes. */
    public record Submission(JobGraph jobGraph, List<Path> jarFiles, Map<String, byte[]> jarsByName) {}

    private final TestingDispatcherGateway dispatcher;
    private final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;
    private volatile CompletableFuture<Void> pendingAnswer;

    public TestingJobSubmitter(TestingDispatcherGateway dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Fails every following submission with this exception. */
    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    /** Answers the next submissions with this future instead of at once. */
    public void answerWith(CompletableFuture<Void> answer) {
        this.pendingAnswer = answer;
    }

    public List<Submission> submissions() {
        return List.copyOf(submissions);
    }

    @Override
    public CompletableFuture<Void> submit(JobGraph jobGraph, List<Path> jarFiles) {
        Map<String, byte[]> jars = new LinkedHashMap<>();
        for (Path jar : jarFiles) {
            try {
                jars.put(jar.getFileName().toString(), Files.readAllBytes(jar));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        submissions.add(new Submission(jobGraph, List.copyOf(jarFiles), jars));
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        CompletableFuture<Void> answer = pendingAnswer;
        if (answer != null) {
            return answer;
        }
        return dispatcher == null
                ? CompletableFuture.completedFuture(null)
                : dispatcher.submitJob(jobGraph, Duration.ofSeconds(10));
    }
}
