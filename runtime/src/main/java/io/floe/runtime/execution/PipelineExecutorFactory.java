package io.floe.runtime.execution;

import io.floe.configuration.Configuration;

/**
 * Found through {@link java.util.ServiceLoader} (register in
 * {@code META-INF/services/io.floe.runtime.execution.PipelineExecutorFactory}), so the runtime never
 * depends on the client or YARN modules. One factory per {@code execution.target} name.
 */
public interface PipelineExecutorFactory {
    /** The {@code execution.target} value this factory serves, such as {@code local}. */
    String getName();

    PipelineExecutor getExecutor(Configuration configuration);
}
