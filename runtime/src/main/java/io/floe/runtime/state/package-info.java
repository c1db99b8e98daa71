/**
 * Keyed state kept on the heap of a task: one value per key, owned by the task's thread.
 */
package io.floe.runtime.state;
