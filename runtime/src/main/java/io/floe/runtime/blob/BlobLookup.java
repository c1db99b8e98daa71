package io.floe.runtime.blob;

import io.floe.api.JobId;
import java.io.IOException;
import java.nio.file.Path;

/** Finds the local file of a blob for the network side of the BlobServer. May block. */
@FunctionalInterface
interface BlobLookup {
    /** @throws BlobNotFoundException if there is no such blob */
    Path find(JobId jobId, BlobKey key) throws IOException;
}
