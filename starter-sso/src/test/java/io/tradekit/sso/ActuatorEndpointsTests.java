package io.tradekit.sso;

import static io.tradekit.sso.TwoApps.auth;
import static io.tradekit.sso.TwoApps.login;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.devservices.support.FreePorts;
import io.tradekit.sso.web.ActuatorRouteGuard;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Actuator's endpoints live in handler mappings of their own, which {@code WebMvcConfigurer} interceptors
 * never reach; {@link ActuatorRouteGuard} puts the route rules there too. Real HTTP, real Redis sessions.
 */
class ActuatorEndpointsTests {

    private static ConfigurableApplicationContext app;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        int port = FreePorts.next();
        app = new SpringApplicationBuilder(SsoTestApplication.class).properties(
                "spring.application.name=sso-actuator",
                "server.address=127.0.0.1",
                "server.port=" + port,
                "spring.main.banner-mode=off",
                "tradekit.dev-services.redis.enabled=true",
                "management.endpoints.web.exposure.include=health,metrics,env",
                "tradekit.sso.public-paths[0]=/actuator/health",
                "tradekit.sso.public-paths[1]=/actuator/health/**",
                "tradekit.sso.routes[0].pattern=/actuator/env/**",
                "tradekit.sso.routes[0].role=ops").run();
        http = new RawHttp(port);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aPublicHealthEndpointAnswersAnonymousCallers() throws Exception {
        RawHttp.Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\"");
    }

    @Test
    void everyOtherEndpointNeedsALoginLikeAnyOtherPath() throws Exception {
        for (String path : List.of("/actuator", "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
                "/actuator/env")) {
            RawHttp.Response response = http.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.code()).as(path).isEqualTo("UNAUTHORIZED");
        }
        String bob = login(http, "bob");
        assertThat(http.get("/actuator/metrics", auth(bob)).status()).isEqualTo(200);
    }

    @Test
    void routeRulesApplyToEndpoints() throws Exception {
        RawHttp.Response refused = http.get("/actuator/env", auth(login(http, "bob")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("FORBIDDEN");
        assertThat(http.get("/actuator/env", auth(login(http, "alice"))).status()).isEqualTo(200);
    }

    @Test
    void pathTricksNeverReachAnEndpointAnonymously() throws Exception {
        for (String path : List.of("/actuator//metrics", "/actuator/metrics;.js", "/ACTUATOR/metrics",
                "/actuator/./metrics", "/actuator/health/../metrics", "/actuator/%2e/env", "/actuator/health/..;/env",
                "/actuator/metrics/")) {
            assertThat(http.get(path).status()).as(path).isNotEqualTo(200);
            assertThat(http.get(path, auth(login(http, "bob"))).body()).as(path).doesNotContain("propertySources");
        }
    }
}
