package io.tradekit.cache.autoconfigure;

import io.tradekit.cache.remote.RemoteClient;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code tradekit.cache.remote.client} selects {@link #value()} (unset selects
 * {@link RemoteClient#REDISSON}). An unknown value fails the start-up with the accepted values,
 * instead of leaving the application silently without a cache.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnRemoteClientCondition.class)
@interface ConditionalOnRemoteClient {

    /** The client the annotated configuration sets up. */
    RemoteClient value();
}
