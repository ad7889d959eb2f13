package io.tradekit.devservices.spring;

import org.apache.commons.logging.Log;
import sun.misc.Signal;

/**
 * Makes {@code SIGTERM} end a dev run with exit status 0 once the shutdown hooks ran, instead of the
 * JVM's 143.
 *
 * <p>Why: {@code mvn spring-boot:run} forks the application and, when Maven itself receives the stop
 * signal (an IDE's stop button, a script's {@code kill -INT <maven>}, a terminal that signals Maven
 * only), it waits 5 s and then sends the application {@code SIGTERM}. The plugin accepts only 0 and 130
 * (SIGINT) as a normal end, so a clean shutdown ended in {@code BUILD FAILURE ... exit code: 143}. The
 * shutdown itself is unchanged: Spring's and the dev services' hooks run as for any {@code SIGTERM}.
 * Installed only where dev services started servers under Spring Boot, i.e. in dev runs and tests.
 */
final class DevRunSignals {

    /** The exit status of a requested, clean stop. */
    static final int STOPPED_ON_REQUEST = 0;

    private static boolean installed;

    private DevRunSignals() {
    }

    static synchronized void exitCleanlyOnTerm(Log log) {
        if (installed) {
            return;
        }
        try {
            // Runs on the JVM's signal thread, as its own SIGTERM handler does; exit() runs the shutdown hooks.
            Signal.handle(new Signal("TERM"), signal -> System.exit(STOPPED_ON_REQUEST));
            installed = true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // -Xrs, or a platform without SIGTERM: the JVM's own handling stays.
            log.debug("SIGTERM handler not installed: " + e);
        }
    }
}
