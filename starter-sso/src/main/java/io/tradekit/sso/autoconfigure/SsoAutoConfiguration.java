package io.tradekit.sso.autoconfigure;

import cn.dev33.satoken.json.SaJsonTemplate;
import cn.dev33.satoken.stp.StpInterface;
import cn.dev33.satoken.stp.StpUtil;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.core.spring.ServerBreakersBinding;
import io.tradekit.sso.PermissionProvider;
import io.tradekit.sso.SsoLoginService;
import io.tradekit.sso.session.PermissionProviderStpInterface;
import io.tradekit.sso.session.LettuceTokenCheckScript;
import io.tradekit.sso.session.RestrictedSaJsonTemplate;
import io.tradekit.sso.session.TokenCheckScript;
import io.lettuce.core.resource.ClientResources;
import io.tradekit.core.redis.LettuceClients;
import io.tradekit.core.redis.LettuceSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of Sa-Token for tradekit: {@code tradekit.sso.*} applied to Sa-Token's config,
 * sessions in the application's Redis (Sa-Token's redis-template DAO on the
 * {@code RedisConnectionFactory}, Lettuce or Redisson) serialized as JSON restricted to known types,
 * the {@link SsoLoginService}, the {@link PermissionProvider} adapter, and in servlet applications the
 * route interceptor and the SSO endpoints.
 *
 * <p>Fails closed: without a Redis-backed session store the start-up fails ({@link SessionStoreCheck});
 * {@code tradekit.sso.enabled=false} switches everything off with one WARN ({@link SsoDisabledWarning}).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
        "org.redisson.spring.starter.RedissonAutoConfigurationV2"},
        // Before Sa-Token's SSO registrar, so that its template backs off for ours (secure tickets).
        beforeName = "cn.dev33.satoken.spring.sso.SaSsoBeanRegister")
@ConditionalOnClass(StpUtil.class)
@Import({SsoAutoConfiguration.Enabled.class, SsoAutoConfiguration.Disabled.class})
public class SsoAutoConfiguration {

    /** Everything the starter does, unless {@code tradekit.sso.enabled=false}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "tradekit.sso.enabled", matchIfMissing = true)
    @EnableConfigurationProperties(SsoProperties.class)
    @Import({SsoWebConfiguration.class, SsoServerConfiguration.class, SsoClientConfiguration.class})
    static class Enabled {

        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static SaTokenConfigApplier tradekitSaTokenConfigApplier(Environment environment) {
            return new SaTokenConfigApplier(environment);
        }

        @Bean
        @ConditionalOnMissingBean
        SsoLoginService ssoLoginService() {
            return new SsoLoginService();
        }

        @Bean
        @ConditionalOnMissingBean(StpInterface.class)
        PermissionProviderStpInterface permissionProviderStpInterface(ObjectProvider<PermissionProvider> provider) {
            return new PermissionProviderStpInterface(provider.getIfUnique(() -> PermissionProvider.NONE));
        }

        @Bean
        @ConditionalOnMissingBean(SaJsonTemplate.class)
        RestrictedSaJsonTemplate restrictedSaJsonTemplate(SsoProperties properties) {
            return new RestrictedSaJsonTemplate(properties.getSession().getAllowedPackages());
        }

        /** {@code tradekit.sso.session.check-client=lettuce}: the login check on a Lettuce connection of its own. */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(TokenCheckScript.class)
        @ConditionalOnProperty(name = "tradekit.sso.session.check-client", havingValue = "lettuce")
        LettuceTokenCheckScript tradekitSsoLettuceTokenCheckScript(ObjectProvider<RedisConnectionDetails> details,
                                                                   ObjectProvider<ClientResources> resources,
                                                                   Environment environment, SsoProperties properties) {
            LettuceSettings settings = properties.getSession().getLettuce();
            settings.validate("tradekit.sso.session.lettuce");
            return new LettuceTokenCheckScript(LettuceClients.create(details.getIfAvailable(),
                    LettuceClients.redisProperties(environment), resources.getIfUnique(), settings.getConnectTimeout(),
                    settings.getCommandTimeout()), settings.getCommandTimeout(), settings.getRetryDelay());
        }

        /** One breaker per server for every starter ({@code tradekit.degrade.*}), unless one exists. */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        ServerBreakers tradekitServerBreakers(Environment environment) {
            return ServerBreakersBinding.bind(environment);
        }

        @Bean
        SessionStoreBreaker tradekitSsoSessionStoreBreaker(ObjectProvider<ServerBreakers> breakers,
                                                           ObjectProvider<cn.dev33.satoken.dao.SaTokenDao> daos) {
            return new SessionStoreBreaker(breakers, daos);
        }

        /** Static: a bean factory post-processor must not make this configuration an early bean. */
        @Bean
        @ConditionalOnMissingBean
        static SessionStoreCheck tradekitSsoSessionStoreCheck() {
            return new SessionStoreCheck();
        }
    }

    /** {@code tradekit.sso.enabled=false}: no login check runs anywhere, and the start-up log says so once. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "tradekit.sso.enabled", havingValue = false)
    static class Disabled {

        @Bean
        @ConditionalOnMissingBean
        SsoDisabledWarning tradekitSsoDisabledWarning(Environment environment) {
            return new SsoDisabledWarning(environment);
        }
    }
}
