package io.floe.runtime.execution;

import io.floe.api.JobClient;
import io.floe.runtime.configuration.Configuration;
import io.floe.runtime.configuration.CoreOptions;
import io.floe.runtime.graph.StreamGraphGenerator;
import io.floe.runtime.graph.Transformation;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.jobgraph.JobGraphGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Compiles a program's transformations into a job graph and hands it to the executor of its target. */
public final class JobSubmission {
    private JobSubmission() {}

    public static JobClient submit(String jobName, List<Transformation> transformations, Configuration configuration)
            throws Exception {
        PipelineExecutor executor = findExecutor(configuration);
        return executor.execute(compile(jobName, transformations, configuration), configuration).get();
    }

    public static JobGraph compile(String jobName, List<Transformation> transformations, Configuration configuration) {
        return new JobGraphGenerator(configuration)
                .generate(new StreamGraphGenerator(configuration).generate(jobName, transformations));
    }

    static PipelineExecutor findExecutor(Configuration configuration) {
        String target = configuration.get(CoreOptions.TARGET);
        List<String> known = new ArrayList<>();
        ClassLoader loader = JobSubmission.class.getClassLoader();
        for (PipelineExecutorFactory factory : ServiceLoader.load(PipelineExecutorFactory.class, loader)) {
            if (factory.getName().equals(target)) {
                return factory.getExecutor(configuration);
            }
            known.add(factory.getName());
        }
        throw new IllegalArgumentException("Unknown execution.target '" + target + "'; available here: "
                + String.join(", ", known) + ".");
    }
}
