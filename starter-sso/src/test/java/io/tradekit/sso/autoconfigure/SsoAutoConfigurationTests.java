package io.tradekit.sso.autoconfigure;

import cn.dev33.satoken.config.SaTokenConfig;
import cn.dev33.satoken.dao.SaTokenDaoForRedisTemplate;
import cn.dev33.satoken.json.SaJsonTemplate;
import cn.dev33.satoken.spring.SaBeanInject;
import cn.dev33.satoken.spring.SaBeanRegister;
import cn.dev33.satoken.spring.sso.SaSsoBeanInject;
import cn.dev33.satoken.spring.sso.SaSsoBeanRegister;
import cn.dev33.satoken.sso.template.SaSsoServerTemplate;
import cn.dev33.satoken.stp.StpInterface;
import io.tradekit.sso.PermissionProvider;
import io.tradekit.sso.SsoLoginService;
import io.tradekit.sso.client.SsoClientEndpoint;
import io.tradekit.sso.server.SecureSsoServerTemplate;
import io.tradekit.sso.server.SsoServerEndpoint;
import io.tradekit.sso.session.LettuceTokenCheckScript;
import io.tradekit.sso.session.PermissionProviderStpInterface;
import io.tradekit.sso.session.RestrictedSaJsonTemplate;
import io.tradekit.sso.web.SsoRouteInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Wiring only; behaviour is proven over HTTP against Redis in the integration tests. */
class SsoAutoConfigurationTests {

    private static final AutoConfigurations CONFIGS = AutoConfigurations.of(RedisAutoConfiguration.class,
            SaBeanRegister.class, SaBeanInject.class, SaSsoBeanRegister.class, SaSsoBeanInject.class,
            SaTokenDaoForRedisTemplate.class, SsoAutoConfiguration.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CONFIGS);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(CONFIGS).withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class));

    @Test
    void appliesSecureDefaultsToSaTokensConfig() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(SsoLoginService.class).hasSingleBean(PermissionProviderStpInterface.class);
            assertThat(context.getBean(SaJsonTemplate.class)).isInstanceOf(RestrictedSaJsonTemplate.class);
            SaTokenConfig config = context.getBean(SaTokenConfig.class);
            assertThat(config.getTokenName()).isEqualTo("tradekit-token");
            assertThat(config.getTimeout()).isEqualTo(12 * 3600);
            assertThat(config.getActiveTimeout()).isEqualTo(30 * 60);
            assertThat(config.getIsShare()).isFalse();
            assertThat(config.getIsReadBody()).isFalse();
            assertThat(config.getIsReadHeader()).isTrue();
            assertThat(config.getCookie().getHttpOnly()).isTrue();
            assertThat(config.getCookie().getSameSite()).isEqualTo("Lax");
            assertThat(config.getCookie().getSecure()).isFalse();
        });
    }

    /** The Lettuce login check binds its own settings (it used the core defaults, a 1 s command timeout). */
    @Test
    void theLettuceLoginCheckTakesItsTimeoutsFromItsProperties() {
        runner.withPropertyValues("tradekit.sso.session.check-client=lettuce").run(context ->
                assertThat(context.getBean(LettuceTokenCheckScript.class).commandTimeout())
                        .isEqualTo(Duration.ofSeconds(2)));
        runner.withPropertyValues("tradekit.sso.session.check-client=lettuce",
                        "tradekit.sso.session.lettuce.command-timeout=3500ms")
                .run(context -> assertThat(context.getBean(LettuceTokenCheckScript.class).commandTimeout())
                        .isEqualTo(Duration.ofMillis(3500)));
    }

    @Test
    void aLettuceLoginCheckSettingThatCannotWorkFailsTheStartUpNamingTheProperty() {
        for (String bad : List.of("tradekit.sso.session.lettuce.command-timeout=0s",
                "tradekit.sso.session.lettuce.connect-timeout=-1s", "tradekit.sso.session.lettuce.retry-delay=-5ms")) {
            runner.withPropertyValues("tradekit.sso.session.check-client=lettuce", bad).run(context ->
                    assertThat(context).getFailure().rootCause().isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining(bad.substring(0, bad.indexOf('='))));
        }
        // Malformed, not only out of range: the binder refuses it, naming the property.
        runner.withPropertyValues("tradekit.sso.session.check-client=lettuce",
                        "tradekit.sso.session.lettuce.command-timeout=soon")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("tradekit.sso.session.lettuce.command-timeout"));
    }

    @Test
    void tradekitPropertiesWinOverSaTokenKeysTheyCover() {
        runner.withPropertyValues("sa-token.is-read-body=true", "sa-token.token-name=satoken",
                        "tradekit.sso.token-name=X-Auth", "tradekit.sso.timeout=2h", "tradekit.sso.active-timeout=0",
                        "tradekit.sso.cookie.secure=true", "tradekit.sso.cookie.same-site=strict",
                        "sa-token.max-login-count=3")
                .run(context -> {
                    SaTokenConfig config = context.getBean(SaTokenConfig.class);
                    assertThat(config.getTokenName()).isEqualTo("X-Auth");
                    assertThat(config.getIsReadBody()).isFalse();
                    assertThat(config.getTimeout()).isEqualTo(7200);
                    assertThat(config.getActiveTimeout()).isEqualTo(-1);
                    assertThat(config.getCookie().getSecure()).isTrue();
                    assertThat(config.getCookie().getSameSite()).isEqualTo("Strict");
                    assertThat(config.getMaxLoginCount()).isEqualTo(3);
                });
    }

    @Test
    void backsOffForTheApplicationsBeans() {
        SsoLoginService own = new SsoLoginService();
        StpInterface stp = new StpInterface() {
            @Override
            public List<String> getPermissionList(Object loginId, String loginType) {
                return List.of();
            }

            @Override
            public List<String> getRoleList(Object loginId, String loginType) {
                return List.of();
            }
        };
        runner.withBean(SsoLoginService.class, () -> own).withBean(StpInterface.class, () -> stp).run(context -> {
            assertThat(context.getBean(SsoLoginService.class)).isSameAs(own);
            assertThat(context.getBean(StpInterface.class)).isSameAs(stp);
        });
    }

    @Test
    void usesTheApplicationsPermissionProvider() {
        runner.withBean(PermissionProvider.class, () -> PermissionProvider.NONE)
                .run(context -> assertThat(context).hasSingleBean(PermissionProviderStpInterface.class));
    }

    @Test
    void isOffWhenDisabled() {
        runner.withPropertyValues("tradekit.sso.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SsoLoginService.class));
    }

    @Test
    void refusesInsecureOrMalformedSettings() {
        for (String bad : List.of("tradekit.sso.cookie.same-site=None", "tradekit.sso.cookie.same-site=sometimes",
                "tradekit.sso.token-name=a b", "tradekit.sso.token-name=", "tradekit.sso.timeout=0s",
                "tradekit.sso.active-timeout=-1s")) {
            runner.withPropertyValues(bad).run(context -> assertThat(context).as(bad).hasFailed());
        }
    }

    @Test
    void webApplicationsGetTheInterceptorAndNoSsoEndpointsByDefault() {
        web.run(context -> {
            assertThat(context).hasSingleBean(SsoRouteInterceptor.class);
            assertThat(context).doesNotHaveBean(SsoServerEndpoint.class).doesNotHaveBean(SsoClientEndpoint.class);
        });
    }

    @Test
    void theAuthCentreReplacesSaTokensTicketTemplate() {
        web.withPropertyValues("tradekit.sso.server.enabled=true",
                        "tradekit.sso.server.allowed-redirects[0]=https://shop.example.com/sso/login")
                .run(context -> {
                    assertThat(context).hasSingleBean(SsoServerEndpoint.class);
                    assertThat(context.getBean(SaSsoServerTemplate.class)).isInstanceOf(SecureSsoServerTemplate.class);
                });
    }

    @Test
    void wildcardRedirectsFailTheStartUp() {
        web.withPropertyValues("tradekit.sso.server.enabled=true", "tradekit.sso.server.allowed-redirects[0]=*")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void aClientNeedsBothUrls() {
        web.withPropertyValues("tradekit.sso.client.enabled=true",
                        "tradekit.sso.client.server-auth-url=https://auth.example.com/sso/auth")
                .run(context -> assertThat(context).hasFailed());
        web.withPropertyValues("tradekit.sso.client.enabled=true",
                        "tradekit.sso.client.server-auth-url=https://auth.example.com/sso/auth",
                        "tradekit.sso.client.redirect-url=https://shop.example.com/sso/login")
                .run(context -> assertThat(context).hasSingleBean(SsoClientEndpoint.class));
    }
}
