/**
 * The ResourceManager: registers TaskManagers, heartbeats them and hands their slots to jobs
 * through the {@link io.floe.runtime.resourcemanager.SlotManager}. Standalone it only matches what
 * registered; with a {@link io.floe.runtime.resourcemanager.ResourceManagerDriver} (YARN) it starts
 * workers for missing slots and releases idle ones. Everything runs on the ResourceManager's main
 * thread; driver events hop onto it.
 */
package io.floe.runtime.resourcemanager;
