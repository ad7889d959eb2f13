package io.tradekit.benchmarks.cache;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The baseline's annotation: a SpEL key, read by {@link RawCaffeineAspect}. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RawCached {

    /** SpEL over the method's parameters, e.g. {@code #userId}. */
    String key();
}
