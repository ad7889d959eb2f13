package io.tradekit.lock.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.devservices.junit.WithDevServices;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.lock.DistributeLock;
import io.tradekit.lock.DistributeLockTemplate;
import io.tradekit.lock.aop.DistributeLockAdvisor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.spring.starter.RedissonAutoConfigurationV2;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

/**
 * Fail closed: what the start-up does when the lock has no backend, is disabled, or is put where
 * no proxy can reach it.
 */
@WithDevServices
@ExtendWith(OutputCaptureExtension.class)
class DistributeLockStartupCheckTests {

    private static RedissonClient redisson;
    private static String redisUrl;

    /** Listed before Redisson's on purpose: the auto-configuration ordering must still put the lock after it. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(DistributeLockAutoConfiguration.class, AopAutoConfiguration.class));

    @BeforeAll
    static void connect(RedisDevService redis) {
        redisUrl = redis.uri();
        Config config = new Config();
        config.useSingleServer().setAddress(redisUrl);
        redisson = Redisson.create(config);
    }

    @AfterAll
    static void close() {
        redisson.shutdown();
    }

    public static class Locked {

        private final RedissonClient client;

        public Locked(RedissonClient client) {
            this.client = client;
        }

        @DistributeLock(scene = "CHECK", keyExpression = "#id")
        public boolean holds(String id) {
            return client.getLock("tradekit:lock:{CHECK#" + id + "}").isHeldByCurrentThread();
        }
    }

    public static class Unclientized {

        static final AtomicInteger RUNS = new AtomicInteger();

        @DistributeLock(scene = "CHECK", keyExpression = "#id")
        public void increment(String id) {
            RUNS.incrementAndGet();
        }

        @DistributeLock(scene = "CHECK", key = "fixed")
        public void other() {
        }
    }

    public static class TemplateUser {

        public TemplateUser(DistributeLockTemplate template) {
        }
    }

    @Test
    void outOfTheBoxRedissonsStarterBuildsTheClientFromSpringDataRedisAndTheLockSeesIt() {
        runner.withConfiguration(AutoConfigurations.of(RedissonAutoConfigurationV2.class))
                .withPropertyValues("spring.data.redis.url=" + redisUrl).withBean(Locked.class).run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(RedissonClient.class)
                            .hasSingleBean(DistributeLockTemplate.class).hasSingleBean(DistributeLockAdvisor.class);
                    assertThat(context.getBean(Locked.class).holds("ootb")).isTrue();
                });
    }

    @Test
    void theApplicationsOwnRedissonClientWinsOverTheStartersOne() {
        runner.withConfiguration(AutoConfigurations.of(RedissonAutoConfigurationV2.class))
                .withPropertyValues("spring.data.redis.url=redis://127.0.0.1:1")
                .withBean("myClient", RedissonClient.class, () -> redisson, definition -> definition.setDestroyMethodName(""))
                .withBean(Locked.class).run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(RedissonClient.class);
                    assertThat(context.getBean(RedissonClient.class)).isSameAs(redisson);
                    assertThat(context.getBean(Locked.class).holds("own")).isTrue();
                });
    }

    @Test
    void redissonNotOnTheClasspathFailsTheStartUpNamingTheFirstAnnotatedMethodAndTheFix() {
        runner.withClassLoader(new FilteredClassLoader(RedissonClient.class)).withBean(Unclientized.class)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .isInstanceOf(DistributeLockStartupException.class)
                        .satisfies(e -> assertThat(e.getMessage()).containsAnyOf(
                                "@DistributeLock on " + Unclientized.class.getName() + "#increment(String)",
                                "@DistributeLock on " + Unclientized.class.getName() + "#other()"))
                        .hasMessageContaining("(bean 'distributeLockStartupCheckTests.Unclientized') and 1 more method(s)")
                        .hasMessageContaining("Redisson (org.redisson.api.RedissonClient) is not on the classpath")
                        .hasMessageContaining("org.redisson:redisson-spring-boot-starter")
                        .hasMessageContaining("RedissonClient @Bean")
                        .hasMessageContaining("tradekit.lock.enabled=false"));
        assertThat(Unclientized.RUNS).hasValue(0);
    }

    @Test
    void redissonsAutoConfigurationNotApplyingFailsTheStartUpNamingTheMethod() {
        // org.redisson.Redisson hidden: RedissonAutoConfigurationV2 backs off, as when it is excluded.
        runner.withConfiguration(AutoConfigurations.of(RedissonAutoConfigurationV2.class))
                .withClassLoader(new FilteredClassLoader(Redisson.class)).withBean(Unclientized.class)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("@DistributeLock on " + Unclientized.class.getName() + "#")
                        .hasMessageContaining("there is no RedissonClient bean")
                        .hasMessageContaining("tradekit.lock.enabled=false"));
    }

    @Test
    void anInjectedTemplateWithoutABackendFailsTheStartUpNamingTheBean() {
        runner.withBean("templateUser", TemplateUser.class).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).isInstanceOf(UnsatisfiedDependencyException.class).hasMessageContaining("templateUser")
                    .rootCause().isInstanceOf(DistributeLockStartupException.class)
                    .hasMessageContaining("DistributeLockTemplate cannot lock").hasMessageContaining("no RedissonClient bean");
            FailureAnalysis analysis = new DistributeLockFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).startsWith("Bean 'templateUser' injects it")
                    .contains("DistributeLockTemplate cannot lock");
            assertThat(analysis.getAction()).contains("redisson-spring-boot-starter").contains("tradekit.lock.enabled=false");
        });
    }

    @Test
    void disabledStartsAndOneWarnLineNamesEveryUnprotectedMethod(CapturedOutput output) {
        int runs = Unclientized.RUNS.get();
        runner.withClassLoader(new FilteredClassLoader(RedissonClient.class)).withBean(Unclientized.class)
                .withPropertyValues("tradekit.lock.enabled=false").run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(DistributeLockAdvisor.class);
                    context.getBean(Unclientized.class).increment("x");
                });
        assertThat(Unclientized.RUNS).as("the one way to run it unprotected").hasValue(runs + 1);
        assertThat(output.getAll().lines().filter(line -> line.contains("WITHOUT a lock")).toList()).singleElement()
                .satisfies(line -> assertThat(line).contains("WARN").contains("tradekit.lock.enabled=false")
                        .contains(Unclientized.class.getName() + "#increment(String)")
                        .contains(Unclientized.class.getName() + "#other()"));
    }

    @Test
    void disabledWithAnInjectedTemplateFailsNamingTheSetting() {
        runner.withBean(RedissonClient.class, () -> redisson, definition -> definition.setDestroyMethodName(""))
                .withPropertyValues("tradekit.lock.enabled=false").withBean("templateUser", TemplateUser.class)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("DistributeLockTemplate is not available: tradekit.lock.enabled=false"));
    }

    @Test
    void anEnabledValueOtherThanTrueOrFalseFailsRatherThanSwitchTheLockOff() {
        for (String value : new String[] {"ture", "yes", "0", "", "false\r\nforged"}) {
            runner.withBean(RedissonClient.class, () -> redisson, definition -> definition.setDestroyMethodName(""))
                    .withPropertyValues("tradekit.lock.enabled=" + value).withBean(Locked.class)
                    .run(context -> assertThat(context).hasFailed().getFailure()
                            .isInstanceOf(DistributeLockStartupException.class)
                            .hasMessageContaining("tradekit.lock.enabled must be true or false")
                            .hasMessageNotContaining("\n"));
        }
        runner.withBean(RedissonClient.class, () -> redisson, definition -> definition.setDestroyMethodName(""))
                .withPropertyValues("tradekit.lock.enabled=TRUE").withBean(Locked.class)
                .run(context -> assertThat(context.getBean(Locked.class).holds("upper")).isTrue());
    }

    @Test
    void noBackendAndNoLockUserStartsSilently(CapturedOutput output) {
        runner.run(context -> assertThat(context).hasNotFailed());
        assertThat(output.getAll()).doesNotContain("WITHOUT a lock");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Unclientized.class)
    static class AppWithoutRedissonAutoConfiguration {
    }

    @Test
    void aSpringBootApplicationWithRedissonsAutoConfigurationExcludedFailsWithAReadableReport(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(AppWithoutRedissonAutoConfiguration.class)
                .properties("spring.main.web-application-type=none", "spring.main.banner-mode=off",
                        "spring.autoconfigure.exclude=org.redisson.spring.starter.RedissonAutoConfigurationV2,"
                                + "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration");
        assertThatThrownBy(application::run).isInstanceOf(DistributeLockStartupException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .containsPattern("Description:\\s+@DistributeLock on " + Pattern.quote(Unclientized.class.getName()) + "#")
                .contains("there is no RedissonClient bean")
                .containsPattern("Action:\\s+Add org.redisson:redisson-spring-boot-starter")
                .doesNotContain("\tat io.tradekit");
    }

    @Test
    void theFailureAnalyzerIsRegisteredForSpringBootsStartUpReport() throws Exception {
        assertThat(new String(getClass().getResourceAsStream("/META-INF/spring.factories").readAllBytes()))
                .contains("org.springframework.boot.diagnostics.FailureAnalyzer")
                .contains(DistributeLockFailureAnalyzer.class.getName());
        DistributeLockStartupException cause = new DistributeLockStartupException("what.", "fix.");
        FailureAnalysis analysis = new DistributeLockFailureAnalyzer().analyze(new IllegalStateException("outer", cause));
        assertThat(analysis.getDescription()).isEqualTo("what.");
        assertThat(analysis.getAction()).isEqualTo("fix.");
        assertThat(new DistributeLockFailureAnalyzer().analyze(new IllegalStateException("unrelated"))).isNull();
    }
}
