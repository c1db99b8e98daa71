package io.floe.testutils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Records what one logger writes (at DEBUG and above) while attached, so a test can assert on
 * log output. Events still reach the configured appenders. Close it to detach.
 */
public final class LogRecorder extends AbstractAppender implements AutoCloseable {
    private final String loggerName;
    private final LoggerContext context;
    private final List<LogEvent> events = new CopyOnWriteArrayList<>();

    private LogRecorder(String loggerName) {
        super("recorder-" + loggerName, null, null, true, Property.EMPTY_ARRAY);
        this.loggerName = loggerName;
        this.context = (LoggerContext) LogManager.getContext(false);
    }

    /** Starts recording the logger of the class. */
    public static LogRecorder attach(Class<?> loggerClass) {
        LogRecorder recorder = new LogRecorder(loggerClass.getName());
        recorder.start();
        Configuration configuration = recorder.context.getConfiguration();
        LoggerConfig loggerConfig = new LoggerConfig(recorder.loggerName, Level.DEBUG, true);
        loggerConfig.addAppender(recorder, Level.DEBUG, null);
        configuration.addLogger(recorder.loggerName, loggerConfig);
        recorder.context.updateLoggers();
        return recorder;
    }

    @Override
    public void append(LogEvent event) {
        events.add(event.toImmutable());
    }

    /** The formatted messages logged at exactly this level, in order. */
    public List<String> messages(Level level) {
        return events.stream()
                .filter(event -> event.getLevel() == level)
                .map(event -> event.getMessage().getFormattedMessage())
                .toList();
    }

    @Override
    public void close() {
        context.getConfiguration().removeLogger(loggerName);
        context.updateLoggers();
        stop();
    }
}
