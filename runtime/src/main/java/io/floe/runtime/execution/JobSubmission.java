package io.floe.runtime.execution;

import io.floe.api.JobClient;
import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import io.floe.runtime.graph.StreamGraphGenerator;
import io.floe.runtime.graph.Transformation;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.jobgraph.JobGraphGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Compiles a program's transformations into a job graph and hands it to the executor of its target. */
public final class JobSubmission {
    /** The target of a program run inside a JobManager, whose launcher set a {@linkplain #setContextExecutor context
     * executor}. */
    public static final String EMBEDDED_TARGET = "embedded";

    private static volatile PipelineExecutor contextExecutor;

    private JobSubmission() {}

    /**
     * Set by a launcher that runs a program's {@code main()} inside a JobManager (application mode),
     * which has no factory to find: jobs with {@code execution.target: embedded} go to it. Null clears it.
     */
    public static void setContextExecutor(PipelineExecutor executor) {
        contextExecutor = executor;
    }

    public static JobClient submit(String jobName, List<Transformation> transformations, Configuration configuration)
            throws Exception {
        PipelineExecutor executor = findExecutor(configuration);
        return executor.execute(compile(jobName, transformations, configuration), configuration)
                .get();
    }

    public static JobGraph compile(String jobName, List<Transformation> transformations, Configuration configuration) {
        return new JobGraphGenerator(configuration)
                .generate(new StreamGraphGenerator(configuration).generate(jobName, transformations));
    }

    static PipelineExecutor findExecutor(Configuration configuration) {
        String target = configuration.get(CoreOptions.TARGET);
        if (EMBEDDED_TARGET.equals(target)) {
            PipelineExecutor embedded = contextExecutor;
            if (embedded == null) {
                throw new IllegalArgumentException("execution.target 'embedded' only exists for programs run inside a "
                        + "JobManager (application mode); pick another target.");
            }
            return embedded;
        }
        List<String> known = new ArrayList<>();
        ClassLoader loader = JobSubmission.class.getClassLoader();
        for (PipelineExecutorFactory factory : ServiceLoader.load(PipelineExecutorFactory.class, loader)) {
            if (factory.getName().equals(target)) {
                return factory.getExecutor(configuration);
            }
            known.add(factory.getName());
        }
        throw new IllegalArgumentException(
                "Unknown execution.target '" + target + "'; available here: " + String.join(", ", known) + ".");
    }
}
