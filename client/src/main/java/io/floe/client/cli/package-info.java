/**
 * The {@code floe} command line. {@link io.floe.client.cli.CliFrontend} dispatches to one
 * {@link io.floe.client.cli.Command} per verb ({@code run} today); a command parses its flags into
 * a value object ({@link io.floe.client.cli.RunOptions}), builds the job's configuration
 * ({@code config.yaml} from {@code FLOE_CONF_DIR}, then the flags) and runs the program through
 * {@link io.floe.client.program.PackagedProgram}.
 *
 * <p>Everything runs on the thread that called {@code main}. A user's mistake is a
 * {@link io.floe.client.cli.CliException}: one line on stderr and an {@link io.floe.client.cli.ExitCode},
 * never a stack trace.
 */
package io.floe.client.cli;
