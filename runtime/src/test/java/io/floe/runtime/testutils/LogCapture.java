package io.floe.runtime.testutils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * What the log gets while attached to the root logger: each event's level and message, and the
 * lines it would take (the event, plus every frame of its stack traces). Close to detach.
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {
    /** One logged event. */
    public record Event(Level level, String message) {}

    private final AtomicInteger lines = new AtomicInteger();
    private final List<Event> events = new CopyOnWriteArrayList<>();

    private LogCapture() {
        super("log-capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
    }

    public static LogCapture attach() {
        LogCapture capture = new LogCapture();
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().addAppender(capture, null, null);
        context.updateLoggers();
        return capture;
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }

    public int lines() {
        return lines.get();
    }

    /** The messages logged at {@code level}. */
    public List<String> messagesAt(Level level) {
        return events.stream()
                .filter(event -> event.level() == level)
                .map(Event::message)
                .toList();
    }

    @Override
    public void append(LogEvent event) {
        int stack = 0;
        for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
            stack += 1 + t.getStackTrace().length;
        }
        lines.addAndGet(1 + stack);
        events.add(new Event(event.getLevel(), event.getMessage().getFormattedMessage()));
    }
}
