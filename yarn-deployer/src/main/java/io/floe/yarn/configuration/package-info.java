/** The configuration keys of the YARN deployer; the runtime finds them through {@link
 * io.floe.yarn.configuration.YarnConfigOptionsProvider}. */
package io.floe.yarn.configuration;
