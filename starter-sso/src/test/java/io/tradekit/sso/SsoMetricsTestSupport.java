package io.tradekit.sso;

import io.tradekit.devservices.support.FreePorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The test application and its HTTP calls for tests outside this package (io.tradekit.sso.metrics). */
public final class SsoMetricsTestSupport {

    private final ConfigurableApplicationContext app;
    private final RawHttp http;

    public SsoMetricsTestSupport(ConfigurableApplicationContext app, int port) {
        this.app = app;
        this.http = new RawHttp(port);
    }

    /** {@link SsoTestApplication} on a dev Redis, with extra properties. */
    public static ConfigurableApplicationContext start(int port, String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.application.name=sso-metrics",
                "server.address=127.0.0.1",
                "server.port=" + port,
                "spring.main.banner-mode=off",
                "tradekit.dev-services.redis.enabled=true"));
        properties.addAll(List.of(extra));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SsoTestApplication.class)
                .properties(properties.toArray(String[]::new)).run();
        TwoApps.publishSaTokenStatics(context);
        return context;
    }

    /** Logs a test user in; returns the token. */
    public String login(String name) throws Exception {
        TwoApps.publishSaTokenStatics(app);
        RawHttp.Response response = http.post("/login/" + name);
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response);
        }
        return response.data();
    }

    /** Logs the token out. */
    public void logout(String token) throws Exception {
        TwoApps.publishSaTokenStatics(app);
        String tokenName = app.getEnvironment().getProperty("tradekit.sso.token-name", "tradekit-token");
        RawHttp.Response response = http.post("/logout", tokenName + ": " + token);
        if (response.status() != 200) {
            throw new IllegalStateException("logout failed: " + response);
        }
    }

    /** A connection factory to a port nothing listens on, failing fast. */
    public static RedisConnectionFactory unreachableRedis() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", FreePorts.next()),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(1)).build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
