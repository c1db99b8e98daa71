package io.floe.api;

import io.floe.api.functions.source.SourceFunction;
import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import io.floe.runtime.execution.JobGraphs;
import io.floe.runtime.execution.JobSubmission;
import io.floe.runtime.graph.SourceTransformation;
import io.floe.runtime.graph.Transformation;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.operators.SourceOperator;
import io.floe.runtime.operators.source.CollectionSource;
import io.floe.runtime.operators.source.SequenceSource;
import io.floe.runtime.operators.source.SocketTextSource;
import io.floe.runtime.operators.source.SourceFunctionSource;
import io.floe.runtime.operators.source.TextFileSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

/**
 * The entry point of a Floe program: creates sources, collects the operators the program
 * defines and runs them with {@link #execute(String)}. Where the job runs is decided by
 * {@code execution.target}: {@code local} (an embedded cluster in this JVM, the default), or a
 * cluster chosen by the {@code floe} CLI. Used from the program's own thread; not thread-safe.
 */
public class StreamExecutionEnvironment {
    static {
        JobGraphs.setCompiler(StreamExecutionEnvironment::compileJobGraph);
    }

    private static volatile Configuration contextConfiguration;
    private static volatile List<JobListener> contextJobListeners = List.of();

    private final Configuration configuration;
    private final List<Transformation> transformations = new ArrayList<>();
    private final List<JobListener> jobListeners = new ArrayList<>(contextJobListeners);
    private int nextTransformationId;

    protected StreamExecutionEnvironment(Configuration configuration) {
        this.configuration = new Configuration(configuration).validate();
    }

    /**
     * The environment for this program: the one the launcher ({@code floe run}) prepared, or a
     * local one with default settings when the program is started directly.
     */
    public static StreamExecutionEnvironment getExecutionEnvironment() {
        Configuration context = contextConfiguration;
        return new StreamExecutionEnvironment(context != null ? context : new Configuration());
    }

    /** An environment with the given settings on top of the launcher's, if any. */
    public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
        Configuration merged = new Configuration();
        Configuration context = contextConfiguration;
        if (context != null) {
            merged.addAll(context);
        }
        merged.addAll(configuration);
        return new StreamExecutionEnvironment(merged);
    }

    /**
     * Set by launchers (the CLI, the application-mode ApplicationMaster) before they call a
     * program's {@code main()}, so that {@link #getExecutionEnvironment()} picks up the target,
     * parallelism and {@code -D} settings. Not for programs.
     */
    public static void setContextConfiguration(Configuration configuration) {
        contextConfiguration = configuration == null ? null : new Configuration(configuration);
    }

    /** Checkpoints every {@code intervalMillis}, exactly once. */
    public StreamExecutionEnvironment enableCheckpointing(long intervalMillis) {
        return enableCheckpointing(intervalMillis, CheckpointingMode.EXACTLY_ONCE);
    }

    public StreamExecutionEnvironment enableCheckpointing(long intervalMillis, CheckpointingMode mode) {
        CheckpointConfig checkpoints = getCheckpointConfig();
        checkpoints.setCheckpointInterval(intervalMillis);
        checkpoints.setCheckpointingMode(mode);
        return this;
    }

    /** The job's checkpoint settings; they write through to {@link #getConfiguration()}. */
    public CheckpointConfig getCheckpointConfig() {
        return new CheckpointConfig(configuration);
    }

    /** Set by launchers together with the configuration: listeners every environment gets. */
    public static void setContextJobListeners(List<JobListener> listeners) {
        contextJobListeners = List.copyOf(listeners);
    }

    public static void clearContextConfiguration() {
        contextConfiguration = null;
        contextJobListeners = List.of();
    }

    public void registerJobListener(JobListener listener) {
        jobListeners.add(Objects.requireNonNull(listener));
    }

    public StreamExecutionEnvironment setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("Parallelism must be at least 1, was " + parallelism + ".");
        }
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        return this;
    }

    public int getParallelism() {
        return configuration.get(CoreOptions.DEFAULT_PARALLELISM);
    }

    public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > 32768) {
            throw new IllegalArgumentException(
                    "Max parallelism must be between 1 and 32768, was " + maxParallelism + ".");
        }
        configuration.set(CoreOptions.MAX_PARALLELISM, maxParallelism);
        return this;
    }

    public StreamExecutionEnvironment setRuntimeMode(RuntimeExecutionMode mode) {
        configuration.set(CoreOptions.RUNTIME_MODE, Objects.requireNonNull(mode));
        return this;
    }

    /** How long a partly filled network buffer may wait before it is sent, in ms (Flink: setBufferTimeout). */
    public StreamExecutionEnvironment setBufferTimeout(long timeoutMillis) {
        configuration.set(CoreOptions.BUFFER_TIMEOUT, Duration.ofMillis(Math.max(0, timeoutMillis)));
        return this;
    }

    /** The settings this environment runs jobs with (a live view: changes apply to later executions). */
    public Configuration getConfiguration() {
        return configuration;
    }

    @SafeVarargs
    public final <T> DataStreamSource<T> fromElements(T... elements) {
        if (elements.length == 0) {
            throw new IllegalArgumentException("fromElements needs at least one element.");
        }
        return fromCollection(Arrays.asList(elements));
    }

    public <T> DataStreamSource<T> fromCollection(Collection<T> elements) {
        return addSourceOperator(new CollectionSource<>(elements), "Collection Source", false);
    }

    /** The numbers {@code from} to {@code to}, inclusive, split across the source's subtasks. */
    public DataStreamSource<Long> fromSequence(long from, long to) {
        return addSourceOperator(new SequenceSource(from, to), "Sequence Source", true);
    }

    /** The lines of a file or of the files in a directory, on any Hadoop file system; split across subtasks. */
    public DataStreamSource<String> readTextFile(String path) {
        Objects.requireNonNull(path, "readTextFile: path");
        return addSourceOperator(new TextFileSource(path), "Read Text File: " + path, true);
    }

    /** The lines a server at host:port sends; ends when the server closes the connection. */
    public DataStreamSource<String> socketTextStream(String host, int port) {
        return addSourceOperator(new SocketTextSource(host, port), "Socket Stream", false);
    }

    /**
     * A user's source: one subtask, or the environment's parallelism for a
     * {@link io.floe.api.functions.source.ParallelSourceFunction}.
     */
    public <T> DataStreamSource<T> addSource(SourceFunction<T> function) {
        SourceFunctionSource<T> source =
                new SourceFunctionSource<>(Objects.requireNonNull(function, "source function"));
        return addSourceOperator(source, "Custom Source", source.isParallel());
    }

    private <T> DataStreamSource<T> addSourceOperator(SourceOperator<T> operator, String name, boolean parallel) {
        SourceTransformation source = new SourceTransformation(newTransformationId(), name, operator, parallel);
        addTransformation(source);
        return new DataStreamSource<>(this, source);
    }

    /**
     * Runs the program's operators and waits for the job to end. In detached mode
     * ({@code execution.attached: false}, {@code floe run -d}) it returns once the job is
     * accepted, with a result that only knows the job id.
     */
    public JobExecutionResult execute(String jobName) throws Exception {
        JobClient client = executeAsync(jobName);
        if (!configuration.get(CoreOptions.ATTACHED)) {
            return JobExecutionResult.detached(client.getJobId());
        }
        try {
            JobExecutionResult result = client.getJobExecutionResult().get();
            jobListeners.forEach(listener -> listener.onJobExecuted(result, null));
            return result;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            jobListeners.forEach(listener -> listener.onJobExecuted(null, cause));
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw e;
        }
    }

    public JobExecutionResult execute() throws Exception {
        return execute(configuration.get(CoreOptions.PIPELINE_NAME, "Floe Streaming Job"));
    }

    /** Submits the job and returns once it is accepted. */
    public JobClient executeAsync(String jobName) throws Exception {
        if (transformations.isEmpty()) {
            throw new IllegalStateException(
                    "No operators defined in the program; add a sink (print, writeAsText, addSink) before execute().");
        }
        JobClient client;
        try {
            client = JobSubmission.submit(jobName, transformations, new Configuration(configuration));
        } catch (Exception e) {
            jobListeners.forEach(listener -> listener.onJobSubmitted(null, e));
            throw e;
        } finally {
            transformations.clear();
        }
        jobListeners.forEach(listener -> listener.onJobSubmitted(client, null));
        return client;
    }

    /** Compiles the operators defined so far and forgets them; launchers reach it through {@link JobGraphs}. */
    private JobGraph compileJobGraph(String jobName) {
        try {
            return JobSubmission.compile(jobName, transformations, new Configuration(configuration));
        } finally {
            transformations.clear();
        }
    }

    int newTransformationId() {
        return nextTransformationId++;
    }

    void addTransformation(Transformation transformation) {
        transformations.add(transformation);
    }
}
