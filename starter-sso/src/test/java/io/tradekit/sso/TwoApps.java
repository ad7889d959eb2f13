package io.tradekit.sso;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.tradekit.devservices.support.FreePorts;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Two instances of {@link SsoTestApplication} on their own loopback ports, sharing the dev-services
 * Redis, started once per test JVM: A is also the SSO auth centre, B an SSO client of A.
 *
 * <p>Sa-Token keeps its configuration and DAO in static fields, so two contexts in one JVM share
 * those objects; the tests therefore check the shared state in Redis itself (keys, TTLs), which is
 * what two real processes would share.
 */
final class TwoApps {

    static final String TOKEN = "tradekit-token";

    /** A and B use Spring Boot's Lettuce connection factory; C uses Redisson's. */
    static final String LETTUCE_ONLY = "spring.autoconfigure.exclude=org.redisson.spring.starter.RedissonAutoConfigurationV2";

    private static TwoApps instance;

    final ConfigurableApplicationContext a;
    final ConfigurableApplicationContext b;
    final RawHttp httpA;
    final RawHttp httpB;
    final RedisCommands<String, String> redis;
    private final int portC = FreePorts.next();
    private ConfigurableApplicationContext c;

    private TwoApps() {
        int portA = FreePorts.next();
        int portB = FreePorts.next();
        String clientLogin = "http://127.0.0.1:" + portB + "/sso/login";
        a = start("sso-a", portA, LETTUCE_ONLY,
                "tradekit.sso.server.enabled=true",
                "tradekit.sso.server.allowed-redirects[0]=" + clientLogin,
                "tradekit.sso.server.allowed-redirects[1]=http://127.0.0.1:" + portC + "/sso/login",
                "tradekit.sso.server.ticket-timeout=30s");
        b = start("sso-b", portB, LETTUCE_ONLY,
                "tradekit.sso.client.enabled=true",
                "tradekit.sso.client.server-auth-url=http://127.0.0.1:" + portA + "/sso/auth",
                "tradekit.sso.client.redirect-url=" + clientLogin);
        httpA = new RawHttp(portA);
        httpB = new RawHttp(portB);
        RedisClient client = RedisClient.create(a.getEnvironment().getRequiredProperty("tradekit.dev-services.redis.url"));
        redis = client.connect().sync();
    }

    static synchronized TwoApps get() {
        if (instance == null) {
            instance = new TwoApps();
        }
        instance.republishSaTokenStatics();
        return instance;
    }

    /**
     * Sa-Token keeps config, DAO and permission source in static fields that the last started context
     * wins; another test class's (since closed) context may have replaced them. Point them back at
     * instance A's beans, as a process running only A and B would have them.
     */
    private void republishSaTokenStatics() {
        publishSaTokenStatics(a);
    }

    /** Makes {@code context}'s Sa-Token beans the process-wide ones. */
    static void publishSaTokenStatics(ConfigurableApplicationContext context) {
        cn.dev33.satoken.SaManager.setConfig(context.getBean(cn.dev33.satoken.config.SaTokenConfig.class));
        cn.dev33.satoken.SaManager.setSaTokenDao(context.getBean(cn.dev33.satoken.dao.SaTokenDao.class));
        cn.dev33.satoken.SaManager.setStpInterface(context.getBean(cn.dev33.satoken.stp.StpInterface.class));
        cn.dev33.satoken.SaManager.setSaJsonTemplate(context.getBean(cn.dev33.satoken.json.SaJsonTemplate.class));
        cn.dev33.satoken.stp.StpUtil.setStpLogic(context.getBean(cn.dev33.satoken.stp.StpLogic.class));
    }

    /** Instance C: an SSO client of A on Redisson's RedisConnectionFactory, started on first use. */
    synchronized ConfigurableApplicationContext redissonInstance() {
        if (c == null) {
            c = start("sso-c", portC,
                    "tradekit.sso.client.enabled=true",
                    "tradekit.sso.client.server-auth-url=http://127.0.0.1:" + httpA.port() + "/sso/auth",
                    "tradekit.sso.client.redirect-url=http://127.0.0.1:" + portC + "/sso/login");
        }
        return c;
    }

    int portC() {
        return portC;
    }

    static ConfigurableApplicationContext start(String name, int port, String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.application.name=" + name,
                "server.address=127.0.0.1",
                "server.port=" + port,
                "spring.main.banner-mode=off",
                // X-Forwarded-Proto from a trusted proxy (loopback here) makes the request secure.
                "server.forward-headers-strategy=native",
                "tradekit.dev-services.redis.enabled=true",
                "tradekit.sso.routes[0].pattern=/admin/**",
                "tradekit.sso.routes[0].permission=admin",
                "tradekit.sso.routes[1].pattern=/ops/**",
                "tradekit.sso.routes[1].role=ops",
                "tradekit.sso.routes[2].pattern=/public/secret/**",
                "tradekit.sso.routes[2].permission=admin"));
        properties.addAll(List.of(extra));
        return new SpringApplicationBuilder(SsoTestApplication.class)
                .properties(properties.toArray(String[]::new))
                .run();
    }

    /** Logs a test user in on the given instance through the application's own login endpoint. */
    static String login(RawHttp http, String name) throws Exception {
        RawHttp.Response response = http.post("/login/" + name);
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response);
        }
        return response.data();
    }

    static String auth(String token) {
        return TOKEN + ": " + token;
    }

    static String tokenKey(String token) {
        return TOKEN + ":login:token:" + token;
    }
}
