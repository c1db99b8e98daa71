package io.floe.runtime.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class HdfsClientDefaultsTest {
    @Test
    void shortensTheCloseRetryDelayWhereOnlyHadoopsDefaultApplies() {
        Configuration configuration = HdfsClientDefaults.apply(new Configuration());

        assertEquals(
                HdfsClientDefaults.CLOSE_RETRY_DELAY_MILLIS,
                configuration.getLong(HdfsClientDefaults.CLOSE_RETRY_DELAY_KEY, -1));
    }

    @Test
    void keepsAValueTheUserOrTheSiteFilesSet() {
        Configuration configuration = new Configuration();
        configuration.setLong(HdfsClientDefaults.CLOSE_RETRY_DELAY_KEY, 800);

        HdfsClientDefaults.apply(configuration);

        assertEquals(800, configuration.getLong(HdfsClientDefaults.CLOSE_RETRY_DELAY_KEY, -1));
    }
}
