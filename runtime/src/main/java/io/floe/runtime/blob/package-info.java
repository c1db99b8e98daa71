/**
 * The blob service: distributes job jars and other artifacts from the JobManager to the
 * TaskManagers, named by the SHA-256 of their content.
 *
 * <ul>
 *   <li>{@link io.floe.runtime.blob.BlobServer} (JobManager) stores blobs in a local directory,
 *       writes permanent (job-scoped) blobs through to a {@link io.floe.runtime.blob.BlobStore}
 *       and serves blobs over TCP. Transient blobs are local and expire.
 *   <li>{@link io.floe.runtime.blob.BlobStore} is the durable copy from which a new JobManager
 *       recovers: {@code FileSystemBlobStore} (module blobstore-hdfs) on a Hadoop file system
 *       (HDFS with HA), {@link io.floe.runtime.blob.VoidBlobStore} without HA.
 *   <li>{@link io.floe.runtime.blob.BlobCache} (TaskManager) fetches blobs on demand, verifies
 *       their hash, and keeps a job's blobs while the job is registered and for a retention
 *       delay after.
 * </ul>
 *
 * <p>Both sides are thread-safe and do blocking I/O on the caller's thread; their network
 * parts run on Netty threads of their own. Connections authenticate with
 * {@link io.floe.runtime.security} when a cluster secret is configured. The wire format is in
 * {@code BlobProtocol}.
 */
package io.floe.runtime.blob;
