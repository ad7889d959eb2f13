package io.tradekit.devservices.rocketmq;

/**
 * Points RocketMQ's own (shaded) logback at a console-only, WARN-level configuration.
 *
 * <p>Left alone, the in-process broker writes megabytes of logs under
 * {@code ~/logs/rocketmqlogs} on every test run. A user's own choice, made with the same system
 * property, is respected.
 */
final class RocketMqLogging {

    /** The system property RocketMQ's shaded logback reads its configuration location from. */
    static final String CONFIGURATION_PROPERTY = "rmq.logback.configurationFile";
    static final String CONFIGURATION = "io/tradekit/devservices/rocketmq/rmq-dev-logback.xml";

    private RocketMqLogging() {
    }

    static void configure() {
        if (System.getProperty(CONFIGURATION_PROPERTY) == null) {
            System.setProperty(CONFIGURATION_PROPERTY, CONFIGURATION);
        }
    }
}
