package io.tradekit.core.log;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field, record component, getter or method parameter whose value
 * {@link MaskingJsonWriter} must mask with the rule of its {@link SensitiveType} (see
 * {@link Masking}) before it reaches a log.
 *
 * <p>On a getter the annotation is only a hint naming the field it exposes: the writer reads
 * fields and never calls getters. Values that are not strings (a {@code Long} mobile number, for
 * example) are masked as their {@code String.valueOf}; collections and arrays element by element.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Sensitive {

    /**
     * Returns the masking rule to apply.
     *
     * @return the kind of data; {@link SensitiveType#SECRET} (hide everything) when not given
     */
    SensitiveType type() default SensitiveType.SECRET;
}
