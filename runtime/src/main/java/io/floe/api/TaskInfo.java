package io.floe.api;

/** Which subtask a function runs in ({@code getRuntimeContext().getTaskInfo()}). */
public interface TaskInfo {
    /** The operator's name as shown in the web UI, e.g. {@code Keyed Aggregation}. */
    String getTaskName();

    /** How many subtasks keyed state can be spread over: the number of key groups. */
    int getMaxNumberOfParallelSubtasks();

    /** 0 to {@code getNumberOfParallelSubtasks() - 1}. */
    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    /** 0 for the first attempt, one more after each restart. */
    int getAttemptNumber();

    /** {@code name (index+1/parallelism)#attempt}, as Flink prints it. */
    default String getTaskNameWithSubtasks() {
        return getTaskName() + " (" + (getIndexOfThisSubtask() + 1) + "/" + getNumberOfParallelSubtasks() + ")#"
                + getAttemptNumber();
    }
}
