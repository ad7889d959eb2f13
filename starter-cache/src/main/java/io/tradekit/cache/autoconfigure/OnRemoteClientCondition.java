package io.tradekit.cache.autoconfigure;

import io.tradekit.cache.remote.RemoteClient;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/** The condition of {@link ConditionalOnRemoteClient}. */
final class OnRemoteClientCondition extends SpringBootCondition {

    private static final String LETTUCE_CLIENT = "io.lettuce.core.RedisClient";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        RemoteClient wanted = (RemoteClient) metadata.getAnnotationAttributes(ConditionalOnRemoteClient.class.getName())
                .get("value");
        // parse() throws on a value that names no client: a typo must not switch the cache off.
        RemoteClient selected = RemoteClient.parse(context.getEnvironment().getProperty(RemoteClient.PROPERTY));
        if (selected == wanted && wanted == RemoteClient.LETTUCE
                && !ClassUtils.isPresent(LETTUCE_CLIENT, context.getClassLoader())) {
            throw new IllegalStateException(RemoteClient.PROPERTY + "=lettuce needs io.lettuce:lettuce-core on the "
                    + "classpath (spring-boot-starter-data-redis brings it)");
        }
        return selected == wanted
                ? ConditionOutcome.match(RemoteClient.PROPERTY + " selects " + selected)
                : ConditionOutcome.noMatch(RemoteClient.PROPERTY + " selects " + selected + ", not " + wanted);
    }
}
