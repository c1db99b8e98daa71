package io.floe.runtime.minicluster;

import io.floe.configuration.Configuration;
import io.floe.runtime.execution.PipelineExecutor;
import io.floe.runtime.execution.PipelineExecutorFactory;

/** {@code execution.target: local}: an embedded cluster in the program's JVM. */
public final class LocalExecutorFactory implements PipelineExecutorFactory {
    @Override
    public String getName() {
        return "local";
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
        return new LocalExecutor();
    }
}
