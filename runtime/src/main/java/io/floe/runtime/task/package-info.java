/**
 * One running subtask inside a TaskManager: {@link io.floe.runtime.task.Task} owns its thread and lifecycle, {@link
 * io.floe.runtime.task.OperatorChain} the chained operators it runs, {@link io.floe.runtime.task.RecordWriterOutput}
 * the edge to the network. The process that hosts tasks is {@link io.floe.runtime.taskexecutor}.
 */
package io.floe.runtime.task;
