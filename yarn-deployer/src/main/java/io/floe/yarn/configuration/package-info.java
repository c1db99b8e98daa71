/** The configuration keys of the YARN deployer; {@code ConfigOptions} finds this class by name. */
package io.floe.yarn.configuration;
