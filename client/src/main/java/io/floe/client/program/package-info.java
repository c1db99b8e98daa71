/**
 * A user's program packaged as a jar: {@link io.floe.client.program.PackagedProgram} finds its
 * entry point (the {@code -c} class or the manifest's {@code Main-Class}), loads it in a class
 * loader of its own and runs {@code main} on the caller's thread with the launcher's
 * configuration as the program's context. Problems with the jar itself are
 * {@link io.floe.client.program.InvalidProgramException}s (the user's input); whatever
 * {@code main} throws comes back as a {@link io.floe.client.program.ProgramInvocationException}.
 */
package io.floe.client.program;
