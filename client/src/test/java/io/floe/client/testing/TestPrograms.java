package io.floe.client.testing;

/** Sources of the little programs the client's tests package into jars. */
public final class TestPrograms {
    private TestPrograms() {}

    /**
     * Writes what it sees into the file named by its first argument: its arguments, the context
     * configuration's parallelism, target, pipeline.jars and {@code pipeline.name}, and whether
     * the thread's context class loader is the one that loaded it.
     */
    public static final String REPORTING =
            """
            package com.example;

            import io.floe.api.StreamExecutionEnvironment;
            import io.floe.configuration.Configuration;
            import io.floe.configuration.CoreOptions;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.List;

            public class ReportingJob {
                public static void main(String[] args) throws Exception {
                    Configuration c = StreamExecutionEnvironment.getExecutionEnvironment().getConfiguration();
                    String report = String.join("|", List.of(
                            String.join(",", args),
                            String.valueOf(c.get(CoreOptions.DEFAULT_PARALLELISM)),
                            c.get(CoreOptions.TARGET),
                            String.join(",", c.get(CoreOptions.PIPELINE_JARS)),
                            String.valueOf(c.get(CoreOptions.PIPELINE_NAME)),
                            String.valueOf(Thread.currentThread().getContextClassLoader()
                                    == ReportingJob.class.getClassLoader())));
                    Files.writeString(Path.of(args[0]), report);
                }
            }
            """;

    /** Runs a tiny job on whatever cluster the configuration names. */
    public static final String SUBMITTING =
            """
            package com.example;

            import io.floe.api.StreamExecutionEnvironment;

            public class SubmittingJob {
                public static void main(String[] args) throws Exception {
                    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                    env.fromElements(1, 2, 3).print();
                    env.execute("submitting");
                }
            }
            """;

    /** Fails the way a job that ended FAILED does, wrapped once more by the program. */
    public static final String FAILED_JOB =
            """
            package com.example;

            import io.floe.api.JobExecutionException;
            import io.floe.api.JobId;
            import io.floe.api.JobStatus;
            import io.floe.runtime.execution.ErrorInfo;

            public class FailedJob {
                public static void main(String[] args) throws Exception {
                    JobExecutionException failure = new JobExecutionException(JobId.generate(), JobStatus.FAILED,
                            "Job execution failed.",
                            new ErrorInfo("com.acme.BadRecordException", "bad record 7", "trace").toException());
                    throw new RuntimeException("wrapped by the program", failure);
                }
            }
            """;

    public static final String THROWING =
            """
            package com.example;

            public class ThrowingJob {
                public static void main(String[] args) {
                    throw new IllegalArgumentException("no input given");
                }
            }
            """;

    public static final String FAILING_INITIALIZER =
            """
            package com.example;

            public class FailingInitializerJob {
                static final int VALUE = Integer.parseInt("not a number");

                public static void main(String[] args) {
                }
            }
            """;

    public static final String NO_MAIN =
            """
            package com.example;

            public class NoMain {
                public void run() {
                }
            }
            """;

    public static final String INSTANCE_MAIN =
            """
            package com.example;

            public class InstanceMain {
                public void main(String[] args) {
                }
            }
            """;

    /** A main class that is not public, which the java launcher accepts. */
    public static final String PACKAGE_PRIVATE =
            """
            package com.example;

            class PackagePrivateJob {
                public static void main(String[] args) throws Exception {
                    java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), "ran");
                }
            }
            """;
}
