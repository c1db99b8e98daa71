package io.floe.client.cli;

import io.floe.client.deployment.ApplicationDeployer;
import io.floe.runtime.execution.PipelineExecutorFactory;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code execution.target} names that can run a job from this class path: one per
 * {@link PipelineExecutorFactory} registered with {@link ServiceLoader} ({@code local} by the
 * runtime; the YARN targets by the deployer when its jar is present).
 */
final class ExecutionTargets {
    private ExecutionTargets() {}

    static Set<String> discover(ClassLoader classLoader) {
        Set<String> names = new TreeSet<>();
        for (PipelineExecutorFactory factory : ServiceLoader.load(PipelineExecutorFactory.class, classLoader)) {
            names.add(factory.getName());
        }
        for (ApplicationDeployer deployer : ServiceLoader.load(ApplicationDeployer.class, classLoader)) {
            names.add(deployer.targetName());
        }
        return names;
    }
}
