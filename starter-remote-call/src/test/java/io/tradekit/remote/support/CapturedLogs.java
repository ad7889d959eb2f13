package io.tradekit.remote.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Captures the events of one logger with a Logback {@link ListAppender}; attach after Spring Boot has configured logging. */
public final class CapturedLogs implements AutoCloseable {

    /** An 11-digit mobile number not part of a longer digit run. */
    public static final Pattern RAW_MOBILE = Pattern.compile("(?<![0-9])1[0-9]{10}(?![0-9])");

    /** An 18-character Chinese ID number. */
    public static final Pattern RAW_ID_CARD = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    public static CapturedLogs of(String loggerName) {
        return new CapturedLogs(loggerName);
    }

    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return new ArrayList<>(appender.list);
        }
    }

    public List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    /** The one event whose message contains {@code text}; fails when there is not exactly one. */
    public ILoggingEvent single(String text) {
        List<ILoggingEvent> found = events().stream().filter(e -> e.getFormattedMessage().contains(text)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one event containing " + text + " but got " + found.size() + ": " + messages());
        }
        return found.get(0);
    }

    public void clear() {
        synchronized (appender) {
            appender.list.clear();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
