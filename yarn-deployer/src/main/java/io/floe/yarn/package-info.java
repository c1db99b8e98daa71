/**
 * The client side of Floe on YARN: {@link io.floe.yarn.YarnClusterDescriptor} checks the cluster,
 * stages the application's files and launches the ApplicationMaster, in small steps on the
 * caller's thread; the names and launch commands here are shared with the ApplicationMaster.
 */
package io.floe.yarn;
