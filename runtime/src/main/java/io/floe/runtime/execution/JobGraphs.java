package io.floe.runtime.execution;

import io.floe.api.StreamExecutionEnvironment;
import io.floe.runtime.jobgraph.JobGraph;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The job graph of a program's environment without running it, for launchers, tools and tests
 * that submit to a cluster they manage. Not part of the API, which exposes no runtime type:
 * {@link StreamExecutionEnvironment} hands this class its compiler when it loads.
 */
public final class JobGraphs {
    private static volatile BiFunction<StreamExecutionEnvironment, String, JobGraph> compiler;

    private JobGraphs() {}

    /**
     * Compiles the operators {@code environment} defined so far into a job graph and forgets them
     * (as {@code execute} does).
     */
    public static JobGraph of(StreamExecutionEnvironment environment, String jobName) {
        Objects.requireNonNull(environment, "environment");
        return compiler.apply(environment, jobName); // set: the environment's class has loaded
    }

    /** Called once, by {@link StreamExecutionEnvironment}'s static initializer. */
    public static void setCompiler(BiFunction<StreamExecutionEnvironment, String, JobGraph> environmentCompiler) {
        if (compiler != null) {
            throw new IllegalStateException("The job graph compiler is set already");
        }
        compiler = Objects.requireNonNull(environmentCompiler);
    }
}
