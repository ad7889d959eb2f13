package io.tradekit.sso;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.tradekit.devservices.redis.RedisClusterDevService;
import io.tradekit.devservices.support.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static io.tradekit.sso.TwoApps.auth;
import static io.tradekit.sso.TwoApps.login;
import static io.tradekit.sso.TwoApps.tokenKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances whose {@code spring.data.redis.cluster.nodes} point at a three-master Redis Cluster: A on
 * Spring Boot's Lettuce connection factory, B on Redisson's. A token's key and its activity stamp hash
 * to different slots (Sa-Token's key layout, shared with every application of the SSO), so the login
 * check reads them one by one instead of by the one-trip script; sessions and their end are still
 * shared. The starter's own Lettuce check client cannot work there and refuses to start.
 */
class SessionsOnClusterTests {

    private static RedisClusterDevService cluster;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static RawHttp httpA;
    private static RawHttp httpB;
    private static RedisClusterClient rawClient;
    private static StatefulRedisClusterConnection<String, String> rawConnection;
    private static RedisAdvancedClusterCommands<String, String> redis;

    @BeforeAll
    static void startTwoInstancesOnACluster() {
        cluster = RedisClusterDevService.start();
        int portA = FreePorts.next();
        int portB = FreePorts.next();
        a = TwoApps.start("sso-cluster-a", portA, TwoApps.LETTUCE_ONLY, onCluster(), clusterNodes());
        b = TwoApps.start("sso-cluster-b", portB, onCluster(), clusterNodes());
        httpA = new RawHttp(portA);
        httpB = new RawHttp(portB);
        rawClient = RedisClusterClient.create(cluster.ports().stream().map(p -> RedisURI.create("127.0.0.1", p)).toList());
        rawConnection = rawClient.connect();
        redis = rawConnection.sync();
    }

    private static String onCluster() {
        return "tradekit.dev-services.redis.enabled=false";
    }

    private static String clusterNodes() {
        return "spring.data.redis.cluster.nodes=" + cluster.nodesProperty();
    }

    @AfterAll
    static void stop() {
        try {
            if (rawClient != null) {
                rawConnection.close();
                rawClient.shutdown();
            }
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
        } finally {
            cluster.close();
        }
    }

    @BeforeEach
    void saTokenStaticsOfA() {
        // Sa-Token's DAO and config are JVM-wide statics: another class's contexts may have set them.
        TwoApps.publishSaTokenStatics(a);
    }

    @Test
    void bothInstancesTalkToTheCluster() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {a, b}) {
            try (RedisConnection connection = instance.getBean(RedisConnectionFactory.class).getConnection()) {
                assertThat(connection).isInstanceOf(RedisClusterConnection.class);
            }
        }
    }

    @Test
    void aTokenFromAIsAcceptedByBAndALogoutOnAIsRefusedByB() throws Exception {
        String token = login(httpA, "alice");
        assertThat(redis.get(tokenKey(token))).isEqualTo("1001");
        RawHttp.Response onB = httpB.get("/me", auth(token));
        assertThat(onB.status()).isEqualTo(200);
        assertThat(onB.body()).isEqualTo("1001");

        assertThat(httpA.post("/logout", auth(token)).status()).isEqualTo(200);
        assertThat(redis.exists(tokenKey(token))).isZero();
        RawHttp.Response afterLogout = httpB.get("/me", auth(token));
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aTokenFromBIsAcceptedByAAndAKickOutOnBIsRefusedByA() throws Exception {
        String token = login(httpB, "dave");
        assertThat(httpA.get("/me", auth(token)).body()).isEqualTo("1004");
        b.getBean(SsoLoginService.class).kickout("1004");
        RawHttp.Response refused = httpA.get("/me", auth(token));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("message").asText()).isEqualTo("The token was kicked out.");
    }

    @Test
    void severalReadsOfOneRequestAgreeAndTheStampIsRenewedOnTheCluster() throws Exception {
        String token = login(httpA, "bob");
        String stamp = TwoApps.TOKEN + ":login:last-active:" + token;
        String before = redis.get(stamp);
        assertThat(before).isNotNull();
        Thread.sleep(5);
        RawHttp.Response response = httpB.get("/me-four-times", auth(token));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1002".repeat(4));
        assertThat(Long.parseLong(redis.get(stamp).split(",")[0])).isGreaterThan(Long.parseLong(before.split(",")[0]));
    }

    @Test
    void theStartersLettuceCheckClientRefusesToStartOnACluster() {
        assertThatThrownBy(() -> TwoApps.start("sso-cluster-d", FreePorts.next(), TwoApps.LETTUCE_ONLY, onCluster(),
                clusterNodes(), "tradekit.sso.session.check-client=lettuce"))
                .isInstanceOf(BeanCreationException.class)
                .rootCause().hasMessageContaining("Redis Cluster").hasMessageContaining("connection-factory");
    }
}
