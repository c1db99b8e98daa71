/**
 * Heartbeats: the ResourceManager and JobMasters ask TaskManagers for a payload every
 * {@code heartbeat.interval} and declare a TaskManager dead after {@code heartbeat.timeout} of
 * silence (or repeated connection failures). TaskManagers watch that they keep being asked.
 * Runs on the owning endpoint's main thread.
 */
package io.floe.runtime.heartbeat;
