/**
 * Floe on YARN, the whole protocol in the order it happens. Each step names the class that does it.
 *
 * <ol>
 *   <li><b>The client asks.</b> {@code floe run -t yarn-per-job} goes to
 *       {@link io.floe.yarn.executors.YarnJobClusterExecutor}; {@code floe run-application -t
 *       yarn-application} goes to {@link io.floe.yarn.executors.YarnApplicationDeployer};
 *       {@code yarn-session.sh} goes to {@link io.floe.yarn.cli.YarnSessionCli}. The client finds
 *       them through ServiceLoader, and each deploys with {@link io.floe.yarn.YarnClusterDescriptor}.</li>
 *   <li><b>Hadoop's configuration.</b> {@link io.floe.yarn.HadoopConfigurationLoader} reads the
 *       {@code *-site.xml} files of {@code HADOOP_CONF_DIR}/{@code YARN_CONF_DIR}.
 *       {@link io.floe.yarn.HadoopClassSettings} checks the class-valued settings against what the
 *       containers can load: it drops those whose default is safe and refuses the required ones.
 *       {@link io.floe.yarn.HadoopClasspath} decides whether Floe ships Hadoop's client jars or
 *       uses the cluster's. {@link io.floe.yarn.ContainerSiteSettings} turns the client's site
 *       settings into those the containers get.</li>
 *   <li><b>The ResourceManager is asked, before anything is uploaded.</b> The descriptor creates the
 *       application. {@link io.floe.yarn.ClusterResourceCheck} checks the queue and the cluster's
 *       largest allocation. {@link io.floe.yarn.ApplicationSubmission} fills in what YARN is told:
 *       name, type, tags, queue, attempts, the ApplicationMaster's size, priority, label, ACLs.</li>
 *   <li><b>Files go to the cluster's file system.</b> {@link io.floe.yarn.FrameworkJarCache} uploads
 *       Floe's jars once, under their content hash, as PUBLIC resources.
 *       {@link io.floe.yarn.ApplicationStaging} writes the application's own files into
 *       {@code .floe/<appId>/} (mode 700): {@code floe-conf.zip}
 *       ({@link io.floe.yarn.ContainerConfigurationFiles} writes it, {@link io.floe.yarn.ZipArchive}
 *       packs it: configuration, cluster secret, logging, Hadoop's site files), and what only this
 *       mode's ApplicationMaster needs ({@link io.floe.yarn.ApplicationMasterFiles}: the job graph
 *       and jars, or the application's program). {@link io.floe.yarn.ShippedResource} describes
 *       each file to the ApplicationMaster, so it can hand the same files to its TaskManagers.</li>
 *   <li><b>The ApplicationMaster is launched.</b> {@link io.floe.yarn.ApplicationMasterLaunch}
 *       describes its container. {@link io.floe.yarn.ContainerCommand} writes the
 *       JVM's command line (memory, {@code --add-opens}, logs into YARN's log directory, the last
 *       lines of stderr into YARN's diagnostics). {@link io.floe.yarn.ContainerEnvironment} names the
 *       environment and the localized files that both sides use. The descriptor submits the
 *       application, and {@link io.floe.yarn.ApplicationStartWatch} polls its report until the
 *       ApplicationMaster's REST address is registered.
 *       {@link io.floe.yarn.DeploymentFailureHook} kills it and deletes its staging directory if
 *       the deployment fails, or if the client dies first.</li>
 *   <li><b>A NodeManager starts the ApplicationMaster</b>, which hosts the JobManager. The entry
 *       point of each mode ({@link io.floe.yarn.entrypoint.YarnSessionClusterEntrypoint},
 *       {@link io.floe.yarn.entrypoint.YarnJobClusterEntrypoint},
 *       {@link io.floe.yarn.entrypoint.YarnApplicationClusterEntrypoint}) runs the common part in
 *       {@link io.floe.yarn.entrypoint.ApplicationMaster}. It starts the JobManager's services with
 *       a {@link io.floe.yarn.resourcemanager.YarnResourceManagerDriver} and registers with the
 *       ResourceManager, giving the REST address as its tracking URL.</li>
 *   <li><b>TaskManagers start as jobs need slots.</b> The engine's ResourceManager asks the driver
 *       for workers, and the driver asks YARN for containers (AMRMClientAsync).
 *       {@link io.floe.yarn.resourcemanager.TaskManagerLaunchContextFactory} builds each launch
 *       context from the files already uploaded. The driver starts the container (NMClientAsync),
 *       and the TaskManager registers over RPC, proving the cluster secret.</li>
 *   <li><b>Containers end.</b> {@link io.floe.yarn.resourcemanager.ContainerExitClassifier} and
 *       {@link io.floe.yarn.ContainerDiagnostics} say why, in one line. The ResourceManager replaces
 *       a lost TaskManager, and the jobs restart as their restart strategy says.</li>
 *   <li><b>The application ends.</b> A per-job cluster ends when its job does. An attached client
 *       first confirms it has the result ({@link io.floe.yarn.executors.ResultFetchedMarker}). A
 *       session ends on {@code DELETE /cluster}, which
 *       {@link io.floe.yarn.cli.SessionController} sends. An application cluster ends once
 *       {@code main()} has returned and its jobs have ended. Each ApplicationMaster deletes its
 *       staging directory and unregisters with the final status of its jobs.</li>
 *   <li><b>Clients come back.</b> {@link io.floe.yarn.executors.YarnClusterLocator} and
 *       {@link io.floe.yarn.YarnSessionLookup} find a running cluster by application id, or through
 *       the session named in the {@link io.floe.yarn.YarnPropertiesFile}. They find its REST
 *       address in the application report and its credential in the staging directory
 *       ({@link io.floe.yarn.StagedClusterSecret}).</li>
 * </ol>
 */
package io.floe.yarn;
