/**
 * The views of jobs and the cluster that the Dispatcher and the ResourceManager answer for the REST API (overview,
 * job details, exception history, TaskManagers). The REST layer turns them into its JSON bodies in {@link
 * io.floe.runtime.rest.messages}.
 */
package io.floe.runtime.webmonitor;
