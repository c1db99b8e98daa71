package io.floe.yarn;

import io.floe.configuration.Configuration;
import io.floe.configuration.MemorySize;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.apache.hadoop.yarn.api.records.ApplicationAccessType;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;

/**
 * Step 1c of a deployment: what the submission tells YARN's ResourceManager, from the {@code yarn.*} keys: name, type,
 * tags, queue, attempts, the ApplicationMaster's container size, priority, node label and ACLs.
 */
final class ApplicationSubmission {

    private ApplicationSubmission() {}

    static void describe(
            ApplicationSubmissionContext context,
            Configuration configuration,
            String defaultName,
            String queue,
            MemorySize jobManagerSize,
            int amVcores) {
        context.setApplicationName(configuration.get(YarnConfigOptions.APPLICATION_NAME, defaultName));
        context.setApplicationType(configuration.get(YarnConfigOptions.APPLICATION_TYPE));
        context.setApplicationTags(new HashSet<>(configuration.get(YarnConfigOptions.APPLICATION_TAGS)));
        context.setQueue(queue);
        int attempts = YarnConfigOptions.applicationAttempts(configuration);
        context.setMaxAppAttempts(attempts);
        if (attempts > 1) {
            // the next attempt takes over the TaskManagers (they follow the leader it publishes), and only
            // failures close together end the application
            context.setKeepContainersAcrossApplicationAttempts(true);
            context.setAttemptFailuresValidityInterval(configuration
                    .get(YarnConfigOptions.APPLICATION_ATTEMPT_FAILURES_VALIDITY_INTERVAL)
                    .toMillis());
        }
        context.setResource(Resource.newInstance(jobManagerSize.getBytes() >> 20, amVcores));
        if (configuration.get(YarnConfigOptions.APPLICATION_PRIORITY) >= 0) {
            context.setPriority(Priority.newInstance(configuration.get(YarnConfigOptions.APPLICATION_PRIORITY)));
        }
        if (configuration.contains(YarnConfigOptions.NODE_LABEL)) {
            context.setNodeLabelExpression(configuration.get(YarnConfigOptions.NODE_LABEL));
        }
    }

    /** {@code yarn.view.acls} and {@code yarn.modify.acls}; YARN adds the submitting user itself. */
    static Map<ApplicationAccessType, String> acls(Configuration configuration) {
        Map<ApplicationAccessType, String> acls = new HashMap<>();
        if (configuration.contains(YarnConfigOptions.VIEW_ACLS)) {
            acls.put(ApplicationAccessType.VIEW_APP, configuration.get(YarnConfigOptions.VIEW_ACLS));
        }
        if (configuration.contains(YarnConfigOptions.MODIFY_ACLS)) {
            acls.put(ApplicationAccessType.MODIFY_APP, configuration.get(YarnConfigOptions.MODIFY_ACLS));
        }
        return acls;
    }
}
