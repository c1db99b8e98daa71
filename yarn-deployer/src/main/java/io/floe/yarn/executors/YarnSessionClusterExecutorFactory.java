package io.floe.yarn.executors;

import io.floe.configuration.Configuration;
import io.floe.runtime.execution.PipelineExecutor;
import io.floe.runtime.execution.PipelineExecutorFactory;

/** {@code execution.target: yarn-session}: jobs go to a running YARN session, found through ServiceLoader. */
public final class YarnSessionClusterExecutorFactory implements PipelineExecutorFactory {
    public static final String NAME = "yarn-session";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
        return new YarnSessionClusterExecutor(System.getenv(), System.out::println);
    }
}
