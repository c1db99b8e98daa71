package io.floe.runtime.rest;

import io.floe.runtime.jobgraph.JobGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Takes a job that arrived over REST into the cluster: ships its jars (for example to the blob
 * server, recording their keys in the graph) and submits the graph to the Dispatcher.
 *
 * <p>Threading: called on one of the REST server's I/O threads (never a Netty event loop), which
 * also read submitted job graphs and delete uploads; return quickly and do long uploads
 * asynchronously. The jar files are temporary: the REST server deletes them as soon as the
 * returned future completes, successfully or not, so the implementation must have read or copied
 * them by then.
 */
public interface JobSubmitter {

    /**
     * @param jobGraph the job as the client built it
     * @param jarFiles the uploaded job jars, in the order the client listed them; file names are
     *     the client's
     * @return completes when the Dispatcher accepted the job; fails with the reason otherwise (an
     *     {@link IllegalArgumentException} or {@code RemoteRpcException} message reaches the client)
     */
    CompletableFuture<Void> submit(JobGraph jobGraph, List<Path> jarFiles);
}
