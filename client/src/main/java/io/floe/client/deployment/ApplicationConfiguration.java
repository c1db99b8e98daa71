package io.floe.client.deployment;

import java.util.List;

/**
 * The program an application cluster runs.
 *
 * @param jar the job jar: a local path, or a URI the cluster can read itself (such as {@code hdfs://...})
 * @param entryClass the class whose {@code main} runs, or null for the jar manifest's {@code Main-Class}
 * @param arguments the program's arguments
 */
public record ApplicationConfiguration(String jar, String entryClass, List<String> arguments) {
    public ApplicationConfiguration {
        arguments = List.copyOf(arguments);
    }

    /** True when the jar is a URI with a scheme other than {@code file}, which the client does not read. */
    public boolean isRemoteJar() {
        return isRemote(jar);
    }

    /** True for a URI such as {@code hdfs://nn/jobs/job.jar}; false for a local path or a {@code file:} URI. */
    public static boolean isRemote(String jar) {
        return jar.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !jar.startsWith("file:");
    }
}
