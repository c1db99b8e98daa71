package io.floe.runtime.process;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.entrypoint.ClusterConfigurationLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints the JVM memory options of a process for the start scripts:
 * {@code JvmParameters (jobmanager|taskmanager) <confDir> [-D key=value]...}. On a bad
 * configuration it prints one line naming the key and exits 1.
 */
public final class JvmParameters {
    private JvmParameters() {}

    public static void main(String[] args) {
        if (args.length < 2) {
            System.out.println("usage: JvmParameters (jobmanager|taskmanager) <confDir> [-D key=value]...");
            System.exit(1);
        }
        try {
            Configuration configuration =
                    ClusterConfigurationLoader.load(Path.of(args[1]), Arrays.copyOfRange(args, 2, args.length));
            ProcessMemory memory = args[0].equals("jobmanager")
                    ? ProcessMemory.jobManager(configuration.get(ClusterOptions.JOB_MANAGER_PROCESS_SIZE))
                    : ProcessMemory.taskManager(configuration.get(ClusterOptions.TASK_MANAGER_PROCESS_SIZE));
            System.out.println(memory.jvmOptions());
        } catch (RuntimeException e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
    }
}
