package io.tradekit.sample.nft.order.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.core.degrade.BreakerSettings;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.remote.RemoteCallMetrics;
import io.tradekit.remote.RemoteCallSettings;
import io.tradekit.remote.RemoteFaults;
import io.tradekit.sample.nft.collection.api.CollectionFacade;
import io.tradekit.sample.nft.collection.api.GoodsInfo;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.user.api.UserFacade;
import io.tradekit.sample.nft.user.api.UserInfo;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The goods service gone (Dubbo's "No provider available") or answering SERVICE_UNAVAILABLE: the
 * trade gateway keeps it SERVICE_UNAVAILABLE (the buy answers 503), never REMOTE_CALL_FAILED (500);
 * after the first faults the goods breaker refuses without calling the facade.
 */
class TradeGatewayOutageTest {

    ServerBreakers breakers;
    RemoteCallSettings settings;
    final AtomicInteger goodsCalls = new AtomicInteger();
    volatile String goodsMode = "GONE";

    final CollectionFacade goods = new CollectionFacade() {
        @Override
        public SingleResponse<GoodsInfo> queryGoods(Long collectionId) {
            goodsCalls.incrementAndGet();
            if ("GONE".equals(goodsMode)) {
                throw new RpcException(RpcException.FORBIDDEN_EXCEPTION, "No provider available from registry");
            }
            return SingleResponse.fail(CommonErrorCode.SERVICE_UNAVAILABLE.getCode(), "redis down");
        }

        @Override
        public SingleResponse<Boolean> hasBooked(Long collectionId, Long userId) {
            return queryGoods(collectionId).isSuccess() ? SingleResponse.of(true) : SingleResponse.of(false);
        }
    };

    final UserFacade users = userId -> SingleResponse.<UserInfo>fail("USER_NOT_FOUND", "no user");

    @BeforeEach
    void install() {
        BreakerSettings breaker = new BreakerSettings();
        breaker.setMinimumCalls(2);
        breaker.setWindowSize(2);
        breaker.setOpenDuration(Duration.ofMinutes(1));
        breakers = new ServerBreakers(breaker);
        settings = new RemoteCallSettings(Duration.ofSeconds(1), 2048, false, RemoteCallMetrics.NONE, false,
                breakers, RemoteFaults::isServerFault);
        RemoteCallSettings.install(settings);
    }

    @AfterEach
    void uninstall() {
        RemoteCallSettings.uninstall(settings);
        breakers.close();
    }

    @Test
    void aGoneGoodsServiceIsUnavailableThenRefusedWithoutACall() {
        TradeGatewayImpl gateway = new TradeGatewayImpl(users, goods);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> gateway.goods(1L)).isInstanceOfSatisfying(ServerUnavailableException.class,
                    e -> assertThat(e.isRefused()).isFalse());
        }
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> gateway.goods(1L)).isInstanceOfSatisfying(ServerUnavailableException.class,
                    e -> assertThat(e.isRefused()).isTrue());
            assertThatThrownBy(() -> gateway.hasBooked(1L, 2L)).isInstanceOfSatisfying(
                    ServerUnavailableException.class, e -> assertThat(e.getServer()).isEqualTo("goods"));
        }
        assertThat(goodsCalls).hasValue(2);
        // The user context runs in every role (no breaker): its answer still comes through.
        assertThatThrownBy(() -> gateway.buyer(7L)).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(OrderErrorCode.USER_NOT_ALLOWED));
    }

    @Test
    void aProviderAnsweringServiceUnavailableStaysUnavailable() {
        goodsMode = "ANSWERS_UNAVAILABLE";
        TradeGatewayImpl gateway = new TradeGatewayImpl(users, goods);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> gateway.goods(1L)).isInstanceOfSatisfying(ServerUnavailableException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(CommonErrorCode.SERVICE_UNAVAILABLE));
        }
        // An answer: the provider is there, so its breaker stays closed and every call reached it.
        assertThat(breakers.breaker("goods").state()).isEqualTo("CLOSED");
        assertThat(goodsCalls).hasValue(5);
        // A "not found" answer keeps its meaning: the buyer's problem, not an outage.
        assertThatThrownBy(() -> gateway.buyer(7L)).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(OrderErrorCode.USER_NOT_ALLOWED));
    }
}
