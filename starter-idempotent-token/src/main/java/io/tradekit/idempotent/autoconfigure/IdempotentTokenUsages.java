package io.tradekit.idempotent.autoconfigure;

import io.tradekit.core.spring.AnnotatedBeanMethods;
import io.tradekit.idempotent.IdempotentToken;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;

/**
 * What of the application relies on idempotent tokens, read from the configuration and the bean
 * definitions without creating any bean: guarded URL patterns and {@code @IdempotentToken} methods.
 */
record IdempotentTokenUsages(List<String> patterns, List<AnnotatedBeanMethods.Found> methods) {

    static IdempotentTokenUsages of(ConfigurableListableBeanFactory beanFactory, Environment environment) {
        List<IdempotentTokenProperties.UrlPattern> configured = Binder.get(environment)
                .bind("tradekit.idempotent.url-patterns", Bindable.listOf(IdempotentTokenProperties.UrlPattern.class))
                .orElseGet(List::of);
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            patterns.add("tradekit.idempotent.url-patterns[" + i + "] (" + configured.get(i).getPattern() + ")");
        }
        return new IdempotentTokenUsages(patterns, AnnotatedBeanMethods.find(beanFactory, IdempotentToken.class));
    }

    boolean isEmpty() {
        return patterns.isEmpty() && methods.isEmpty();
    }

    /** The first usage, for an error message. */
    String first() {
        return patterns.isEmpty() ? "@IdempotentToken method " + methods.get(0).describe() : "URL pattern " + patterns.get(0);
    }

    /** Every usage, for a warning. */
    String all() {
        List<String> all = new ArrayList<>(patterns);
        methods.forEach(found -> all.add("@IdempotentToken " + found.describe()));
        return String.join(", ", all);
    }
}
