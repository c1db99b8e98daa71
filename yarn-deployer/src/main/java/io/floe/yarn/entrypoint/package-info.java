/** Entry points of Floe's YARN containers: the ApplicationMaster of each deployment mode. */
package io.floe.yarn.entrypoint;
