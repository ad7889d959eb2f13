package io.tradekit.sso;

import cn.dev33.satoken.dao.SaTokenDao;
import cn.dev33.satoken.dao.SaTokenDaoForRedisTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.spring.data.connection.RedissonConnectionFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.net.URI;

import static io.tradekit.sso.TwoApps.auth;
import static io.tradekit.sso.TwoApps.login;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter on Redisson's {@link RedisConnectionFactory} (the sample app's set-up) shares tokens
 * and tickets with instances on Lettuce. Sa-Token's DAO is process-wide, so this test makes C's DAO
 * (over Redisson) the one every instance uses while it runs.
 */
class RedissonConnectionTests {

    private final TwoApps apps = TwoApps.get();

    @AfterEach
    void restore() {
        TwoApps.get();
    }

    @Test
    void sessionsAndTicketsWorkOverRedisson() throws Exception {
        ConfigurableApplicationContext c = apps.redissonInstance();
        assertThat(c.getBean(RedisConnectionFactory.class)).isInstanceOf(RedissonConnectionFactory.class);
        assertThat(apps.a.getBean(RedisConnectionFactory.class)).isInstanceOf(LettuceConnectionFactory.class);
        TwoApps.publishSaTokenStatics(c);
        SaTokenDao dao = cn.dev33.satoken.SaManager.getSaTokenDao();
        assertThat(dao).isSameAs(c.getBean(SaTokenDao.class)).isInstanceOf(SaTokenDaoForRedisTemplate.class);
        RawHttp httpC = new RawHttp(apps.portC());

        String fromC = login(httpC, "bob");
        assertThat(apps.redis.get(TwoApps.tokenKey(fromC))).isEqualTo("1002");
        assertThat(apps.httpB.get("/me", auth(fromC)).body()).isEqualTo("1002");

        String aToken = login(apps.httpA, "alice");
        URI toAuth = URI.create(httpC.get("/sso/login").header("location"));
        String location = apps.httpA.get(toAuth.getRawPath() + "?" + toAuth.getRawQuery(), auth(aToken)).header("location");
        String ticket = location.substring(location.indexOf("ticket=") + 7);
        RawHttp.Response redeemed = httpC.get("/sso/login?ticket=" + ticket);
        assertThat(redeemed.status()).isEqualTo(200);
        assertThat(httpC.get("/sso/login?ticket=" + ticket).status()).isEqualTo(401);
        assertThat(httpC.get("/admin/x", auth(redeemed.data())).body()).isEqualTo("admin-x");

        assertThat(httpC.post("/logout", auth(fromC)).status()).isEqualTo(200);
        assertThat(apps.httpB.get("/me", auth(fromC)).status()).isEqualTo(401);
    }
}
