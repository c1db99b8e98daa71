/**
 * The YARN side of Floe's active ResourceManager: {@link io.floe.yarn.resourcemanager.YarnResourceManagerDriver}
 * asks YARN for TaskManager containers, launches them with the files the client uploaded, and
 * reports their ends. Runs in the ApplicationMaster; see the driver for its threading contract.
 */
package io.floe.yarn.resourcemanager;
