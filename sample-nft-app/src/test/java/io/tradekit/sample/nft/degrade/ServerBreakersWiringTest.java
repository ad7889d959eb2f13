package io.tradekit.sample.nft.degrade;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dev33.satoken.SaManager;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.core.health.BreakerAwareRedisHealthIndicator;
import io.tradekit.idempotent.store.LettuceTokenStore;
import io.tradekit.remote.RemoteCallSettings;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sso.session.BreakerSaTokenDao;
import io.tradekit.txmsg.TransactionalMessageTemplate;
import io.tradekit.stock.redis.StockRedis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The starters of the sample share one {@link ServerBreakers} (each registers it unless one exists), so
 * the session store, the token store and the stock scripts see one {@code redis} breaker: what opens it
 * in one of them refuses in all; the {@code redis} health component is the one that follows that breaker.
 */
@SampleAppTest
class ServerBreakersWiringTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyRedisStarterUsesTheOneRedisBreaker() {
        assertThat(context.getBeansOfType(ServerBreakers.class)).hasSize(1);
        ServerBreakers breakers = context.getBean(ServerBreakers.class);
        assertThat(context.getBean(LettuceTokenStore.class).breaker()).isSameAs(breakers.breaker("redis"));
        assertThat(context.getBean(StockRedis.class).breaker()).isSameAs(breakers.breaker("redis"));
        // Sa-Token's store is process-wide (the last started context's): guarded by a redis breaker.
        assertThat(SaManager.getSaTokenDao()).isInstanceOfSatisfying(BreakerSaTokenDao.class,
                dao -> assertThat(dao.breaker().server()).isEqualTo("redis"));
    }

    @Test
    void theRedisHealthComponentIsTheOneThatFollowsTheRedisBreaker() {
        // tradekit-core's, in place of Spring Boot's (which backs off on the bean name), on Redisson's factory.
        assertThat(context.getBeansOfType(BreakerAwareRedisHealthIndicator.class)).containsOnlyKeys("redisHealthContributor");
    }

    @Test
    void theBrokerAndTheRemoteServicesHaveTheirBreakersInTheSameRegistry() {
        ServerBreakers breakers = context.getBean(ServerBreakers.class);
        assertThat(context.getBean(TransactionalMessageTemplate.class).breaker())
                .isSameAs(breakers.breaker("rocketmq"));
        // RemoteCallWrapper is static: it finds the breakers ("goods") in the installed settings.
        assertThat(RemoteCallSettings.current().getBreakers()).isSameAs(breakers);
    }
}
