package io.tradekit.sample.nft.shared.web.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the application's one {@code ObjectMapper} refuse what Jackson accepts by default: a
 * fraction for an integer ({@code "quantity": 1.5} was stored as 1), a string for a number or a
 * boolean ({@code "quantity": "1"}, {@code "bookRequired": "true"}) and a number for a boolean.
 * Spring Boot's {@code spring.jackson.*} properties reach the first only; coercion rules have no
 * property, hence this customizer. ({@code null} for a primitive still reads as 0: failing it would
 * also fail every record whose primitive is merely absent, in stored JSON as in requests.)
 *
 * <p>Longs that the API writes as JSON strings ({@code @JsonFormat(shape = STRING)}, ids beyond
 * JavaScript's 2^53) stay readable from those strings: {@link StringShapedLongs}.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "strictJsonCustomizer")
    Jackson2ObjectMapperBuilderCustomizer strictJsonCustomizer() {
        return builder -> builder
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .modulesToInstall(modules -> modules.add(new SimpleModule("string-shaped-longs")
                        .addDeserializer(Long.TYPE, StringShapedLongs.of(true))
                        .addDeserializer(Long.class, StringShapedLongs.of(false))))
                .postConfigurer(mapper -> {
                    for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float,
                        LogicalType.Boolean}) {
                        mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                    }
                    mapper.coercionConfigFor(LogicalType.Boolean)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                });
    }
}
