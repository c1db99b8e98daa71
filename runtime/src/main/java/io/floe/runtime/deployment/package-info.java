/**
 * What the endpoints tell each other to place and run tasks: a TaskManager registers ({@link
 * io.floe.runtime.deployment.TaskExecutorRegistration}) and reports its slots, a JobMaster is offered slots and deploys
 * a subtask into one ({@link io.floe.runtime.deployment.TaskDeploymentDescriptor}), and the TaskManager reports the
 * subtask's state changes back ({@link io.floe.runtime.deployment.TaskExecutionState}). All are records sent by RPC.
 */
package io.floe.runtime.deployment;
