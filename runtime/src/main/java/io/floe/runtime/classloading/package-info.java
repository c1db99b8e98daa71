/**
 * Class loading of user code: each job's classes come from its own jars, so jobs with
 * conflicting library versions run side by side in one TaskManager, while the engine's own
 * packages (and the JDK, logging, Hadoop) are always shared from the parent.
 *
 * <p>A {@link io.floe.runtime.classloading.ChildFirstClassLoader} is created per job by the
 * TaskManager from the jars its BlobCache fetched, used by all of the job's tasks on that
 * TaskManager, and closed when the job leaves.
 */
package io.floe.runtime.classloading;
