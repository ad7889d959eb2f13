package io.tradekit.sample.nft.shared.throttle;

import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.sso.metrics.SsoMetrics;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link LoginThrottle} of the application, on the shared Redisson client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
class LoginThrottleConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LoginThrottle loginThrottle(ObjectProvider<RedissonClient> redisson, LoginThrottleProperties settings,
                                ObjectProvider<SsoMetrics> metrics, ObjectProvider<ServerBreakers> breakers) {
        RedissonClient client = redisson.getIfUnique(() -> {
            throw new IllegalStateException("LoginThrottle (used by UserCommandService.login and "
                    + "StaffLoginService.login) needs exactly one RedissonClient bean: add "
                    + "org.redisson:redisson-spring-boot-starter and spring.data.redis.*");
        });
        ServerBreakers shared = breakers.getIfUnique();
        return new LoginThrottle(client, settings, metrics.getIfAvailable(),
                shared == null ? null : shared.breaker("redis"));
    }
}
