package io.floe.api.functions;

import java.io.Serializable;

/**
 * The base of every user function. Functions are serialized on the client and deserialized where
 * they run, in the job's class loader, so they must be {@link Serializable} (lambdas are).
 */
public interface Function extends Serializable {}
