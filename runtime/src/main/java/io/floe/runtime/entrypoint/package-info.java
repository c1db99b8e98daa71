/**
 * The main classes of the JobManager and TaskManager processes and what assembles a JobManager: {@link
 * io.floe.runtime.entrypoint.JobManagerServices} (RPC, blobs, Dispatcher, ResourceManager, REST) and the
 * configuration the processes load.
 */
package io.floe.runtime.entrypoint;
