package io.floe.yarn.executors;

import io.floe.configuration.Configuration;
import io.floe.runtime.execution.PipelineExecutor;
import io.floe.runtime.execution.PipelineExecutorFactory;

/** {@code execution.target: yarn-per-job}: a YARN application per job, found through ServiceLoader. */
public final class YarnJobClusterExecutorFactory implements PipelineExecutorFactory {
    public static final String NAME = "yarn-per-job";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
        return new YarnJobClusterExecutor(System.getenv(), System.out::println);
    }
}
