package io.tradekit.txmsg.autoconfigure;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Where the name server address comes from: {@code tradekit.txmsg.name-server}, else
 * {@code rocketmq.name-server} (the key rocketmq-spring reads, so existing configuration keeps working).
 */
final class NameServer {

    static final String OWN_KEY = "tradekit.txmsg.name-server";
    static final String ROCKETMQ_KEY = "rocketmq.name-server";

    private NameServer() {
    }

    /** The configured address list, or {@code null}. */
    static String address(PropertyResolver properties) {
        String own = properties.getProperty(OWN_KEY);
        String address = StringUtils.hasText(own) ? own : properties.getProperty(ROCKETMQ_KEY);
        return StringUtils.hasText(address) ? address.trim() : null;
    }

    /** Matches when a name server address is configured. */
    static final class Configured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return address(context.getEnvironment()) != null;
        }
    }
}
