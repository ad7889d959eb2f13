package io.tradekit.sso.autoconfigure;

import cn.dev33.satoken.dao.SaTokenDaoForRedisTemplate;
import cn.dev33.satoken.spring.SaBeanInject;
import cn.dev33.satoken.spring.SaBeanRegister;
import cn.dev33.satoken.stp.StpLogic;
import io.tradekit.sso.SsoLoginService;
import io.tradekit.sso.web.SecureCookieStpLogic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions must live in Redis: every way the Redis session store can go missing fails the start-up
 * with a message naming what to add and who needs it; {@code tradekit.sso.enabled=false} is the one way
 * to run without it, with one WARN.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionStoreFailClosedTests {

    private static final AutoConfigurations SA_TOKEN = AutoConfigurations.of(SaBeanRegister.class, SaBeanInject.class,
            SsoAutoConfiguration.class);
    private static final AutoConfigurations WEB = AutoConfigurations.of(WebMvcAutoConfiguration.class);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(SA_TOKEN)
            .withConfiguration(WEB);

    @Test
    void withoutSaTokensRedisTemplateDaoTheStartUpFailsNamingTheDependency() {
        web.withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(SaTokenDaoForRedisTemplate.class))
                .run(context -> assertThat(context).getFailure()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("cn.dev33:sa-token-redis-template is not on the classpath")
                        .hasMessageContaining("the route interceptor (bean 'ssoRouteInterceptor'")
                        .hasMessageContaining("tradekit.sso.enabled=false"));
    }

    @Test
    void withoutSpringDataRedisTheStartUpFailsNamingTheStarter() {
        web.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("Spring Data Redis is not on the classpath")
                        .hasMessageContaining("spring-boot-starter-data-redis"));
    }

    @Test
    void anExcludedRedisDaoAutoConfigurationFailsTheStartUp() {
        // The class is there, its auto-configuration is not: Sa-Token would silently use its in-memory DAO.
        web.withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class))
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("no SaTokenDao bean")
                        .hasMessageContaining(SaTokenDaoForRedisTemplate.class.getName() + " is excluded"));
    }

    @Test
    void withoutARedisConnectionFactoryTheStartUpFailsBeforeAnyBeanIsCreated() {
        web.withConfiguration(AutoConfigurations.of(SaTokenDaoForRedisTemplate.class))
                .run(context -> assertThat(context).getFailure()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("no RedisConnectionFactory bean")
                        .hasMessageContaining("spring.data.redis.*"));
    }

    @Test
    void aNonWebApplicationFailsWhenABeanInjectsTheLoginService() {
        new ApplicationContextRunner().withConfiguration(SA_TOKEN)
                .withBean(TokenChecker.class)
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("bean 'sessionStoreFailClosedTests.TokenChecker'")
                        .hasMessageContaining(TokenChecker.class.getName()));
    }

    @Test
    void aNonWebApplicationNobodyUsesTheStarterInStarts() {
        new ApplicationContextRunner().withConfiguration(SA_TOKEN)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(SsoLoginService.class));
    }

    @Test
    void worksOutOfTheBoxFromSpringDataRedisProperties() {
        web.withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class, SaTokenDaoForRedisTemplate.class))
                .withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6390")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    RedisConnectionFactory used = context.getBean(SaTokenDaoForRedisTemplate.class)
                            .stringRedisTemplate.getConnectionFactory();
                    assertThat(used).isInstanceOf(LettuceConnectionFactory.class);
                    assertThat(((LettuceConnectionFactory) used).getPort()).isEqualTo(6390);
                });
    }

    @Test
    void yieldsToTheApplicationsOwnConnectionFactory() {
        LettuceConnectionFactory own = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6391));
        web.withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class, SaTokenDaoForRedisTemplate.class))
                .withBean("myRedis", RedisConnectionFactory.class, () -> own)
                .run(context -> {
                    assertThat(context).hasSingleBean(RedisConnectionFactory.class);
                    assertThat(context.getBean(SaTokenDaoForRedisTemplate.class).stringRedisTemplate
                            .getConnectionFactory()).isSameAs(own);
                });
    }

    @Test
    void disabledStartsWithoutRedisAndSaysSoInOneWarning(CapturedOutput output) {
        web.withPropertyValues("tradekit.sso.enabled=false", "tradekit.sso.routes[0].pattern=/admin/**",
                        "tradekit.sso.routes[0].permission=admin")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(SsoLoginService.class)
                            .doesNotHaveBean(SessionStoreCheck.class);
                    assertThat(output.getOut().lines().filter(line -> line.contains("WARN")
                            && line.contains("tradekit.sso.enabled=false"))).singleElement().asString()
                            .contains("every path is open to anonymous requests")
                            .contains("[/admin/**]");
                });
    }

    @Test
    void theTokenCookieLogicIsOursUnlessTheApplicationHasOne() {
        WebApplicationContextRunner withRedis = web.withConfiguration(
                AutoConfigurations.of(RedisAutoConfiguration.class, SaTokenDaoForRedisTemplate.class));
        withRedis.run(context -> assertThat(context.getBean(StpLogic.class)).isInstanceOf(SecureCookieStpLogic.class));
        StpLogic own = new StpLogic("login");
        withRedis.withBean(StpLogic.class, () -> own)
                .run(context -> assertThat(context.getBean(StpLogic.class)).isSameAs(own));
    }

    /** An application bean that needs the login service: a user of the starter. */
    static class TokenChecker {
        TokenChecker(SsoLoginService logins) {
        }
    }
}
