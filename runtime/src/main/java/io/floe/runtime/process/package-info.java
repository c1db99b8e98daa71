/**
 * The Floe JVM process itself, whatever it hosts: how its memory is divided ({@link
 * io.floe.runtime.process.ProcessMemory}), the JVM flags the start scripts need ({@link
 * io.floe.runtime.process.JvmParameters}), running an entry point until shutdown ({@link
 * io.floe.runtime.process.ProcessRunner}) and the report of a fatal error.
 */
package io.floe.runtime.process;
