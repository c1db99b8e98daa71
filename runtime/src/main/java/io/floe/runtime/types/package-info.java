/** The ids of the runtime: of a TaskManager process ({@link io.floe.runtime.types.ResourceId}), a slot and its
 * allocation, a job vertex, one attempt of a subtask and the result partition it produces. (The job id is part of the
 * API: {@link io.floe.api.JobId}.) */
package io.floe.runtime.types;
