package io.tradekit.facade.callstats;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import org.slf4j.LoggerFactory;

/**
 * Puts Logback back on this module's logback-test.xml after a test ran an application on Spring Boot's
 * console set-up, so the tests that follow in the same JVM log as usual. Boot's system properties that
 * keep their first value for the JVM are cleared too.
 */
final class LogbackReset {

    private static final String[] BOOT_LOGGING_PROPERTIES = {"CONSOLE_LOG_STRUCTURED_FORMAT", "LOG_CORRELATION_PATTERN"};

    private LogbackReset() {
    }

    static void clearBootProperties() {
        for (String name : BOOT_LOGGING_PROPERTIES) {
            System.clearProperty(name);
        }
    }

    static void restore() throws Exception {
        clearBootProperties();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }
}
