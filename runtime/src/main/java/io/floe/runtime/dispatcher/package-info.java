/**
 * The Dispatcher: accepts jobs, starts one JobMaster per job, answers for them when they end. Jobs arrive by REST
 * ({@link io.floe.runtime.dispatcher.BlobJobSubmitter} stores their jars first) or, in application mode, from the
 * program running in the same JVM ({@link io.floe.runtime.dispatcher.EmbeddedExecutor}).
 */
package io.floe.runtime.dispatcher;
