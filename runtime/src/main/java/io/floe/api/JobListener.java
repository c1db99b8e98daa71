package io.floe.api;

/**
 * Hears about the jobs an environment submits, as in Flink. Called on the thread that calls
 * {@code execute}/{@code executeAsync}. Launchers such as the {@code floe} CLI use it to print
 * the job id and follow the job's status.
 */
public interface JobListener {
    /** The job was accepted ({@code error} null), or its submission failed. */
    void onJobSubmitted(JobClient jobClient, Throwable error);

    /** {@code execute()} returns: with the result, or with the error it throws. Not called in detached mode. */
    default void onJobExecuted(JobExecutionResult result, Throwable error) {}
}
