package io.floe.client.deployment;

import io.floe.configuration.Configuration;
import io.floe.runtime.execution.PipelineExecutor;
import io.floe.runtime.execution.PipelineExecutorFactory;

/** {@code execution.target: remote}: a running standalone cluster, reached over REST. */
public final class RemoteExecutorFactory implements PipelineExecutorFactory {
    @Override
    public String getName() {
        return "remote";
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
        return new RemoteExecutor();
    }
}
