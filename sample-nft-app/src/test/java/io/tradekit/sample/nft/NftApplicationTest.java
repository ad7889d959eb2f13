package io.tradekit.sample.nft;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.order.TradingClient;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@SampleAppTest
class NftApplicationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    Environment environment;

    @Autowired
    RedissonClient redisson;

    @LocalServerPort
    int port;

    @Test
    void healthIsUpWithRealRedisAndDatabase() {
        // The components show to an ADMIN session only (anonymous callers get the bare status).
        HttpHeaders headers = new HttpHeaders();
        headers.set("tradekit-token", new TradingClient(port).admin());
        ResponseEntity<String> health = http.exchange("/actuator/health", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"").contains("\"redis\"").contains("\"db\"");
    }

    @Test
    void runsOnTheDevServersStartedInThisJvm() {
        // tradekit-dev-services is a runtime dependency: its addresses are read from the environment.
        assertThat(environment.getProperty("tradekit.dev-services.redis.url"))
                .isEqualTo("redis://127.0.0.1:" + environment.getProperty("spring.data.redis.port"));
        assertThat(environment.getProperty("rocketmq.name-server"))
                .isEqualTo(environment.getProperty("tradekit.dev-services.rocketmq.name-server"))
                .startsWith("127.0.0.1:");
        assertThat(environment.getProperty("dubbo.registry.address"))
                .isEqualTo("zookeeper://" + environment.getProperty("tradekit.dev-services.zookeeper.connect-string"))
                .startsWith("zookeeper://127.0.0.1:");

        redisson.getBucket("sample:ping").set("pong");
        assertThat(redisson.getBucket("sample:ping").get()).isEqualTo("pong");
    }
}
