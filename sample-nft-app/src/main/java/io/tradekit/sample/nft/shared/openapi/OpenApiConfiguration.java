package io.tradekit.sample.nft.shared.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.tradekit.idempotent.autoconfigure.IdempotentTokenProperties;
import io.tradekit.sso.autoconfigure.SsoProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sample's OpenAPI document. Everything is read from the starters' own settings (token header,
 * public paths, token scenes), so the document cannot disagree with what the filters enforce.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI sampleOpenApi() {
        return new OpenAPI().info(new Info().title("tradekit sample-nft-app")
                .description("NFT marketplace (trading, chain) and corporate-account onboarding. Log in "
                        + "(POST /user/login or /onboarding/staff/login), then Authorize with the token.")
                .version("0.1.0-SNAPSHOT"));
    }

    @Bean
    OpenApiCustomizer sessionSecurityOpenApi(SsoProperties sso) {
        return new SessionSecurityCustomizer(sso.getTokenName(), sso.getPublicPaths());
    }

    @Bean
    OpenApiCustomizer idempotentTokenOpenApi(IdempotentTokenProperties idempotent) {
        return new IdempotentTokenDocumentation(idempotent);
    }
}
