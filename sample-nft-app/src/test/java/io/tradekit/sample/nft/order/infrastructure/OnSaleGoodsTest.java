package io.tradekit.sample.nft.order.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.collection.domain.CollectionState;
import io.tradekit.sample.nft.order.domain.Goods;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnSaleGoodsTest {

    private final OnSaleGoods cache = new OnSaleGoods();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void anOnSaleCollectionIsReadOnceAndTheSameFactsAnswerEveryLaterBuy() {
        Goods first = cache.get(7, id -> read(id, true));
        Goods second = cache.get(7, id -> read(id, true));

        assertThat(reads).hasValue(1);
        assertThat(second).isSameAs(first);
        assertThat(second.price()).isEqualByComparingTo("9.90");
    }

    @Test
    void aCollectionNotYetOnSaleIsReadAgainOnEveryBuyAndKeptOnceItOpens() {
        assertThat(cache.get(7, id -> read(id, false)).onSale()).isFalse();
        assertThat(cache.get(7, id -> read(id, false)).onSale()).isFalse();
        assertThat(reads).hasValue(2);

        assertThat(cache.get(7, id -> read(id, true)).onSale()).isTrue();
        assertThat(cache.get(7, id -> read(id, false)).onSale()).as("kept once on sale").isTrue();
        assertThat(reads).hasValue(3);
    }

    @Test
    void aRefusalOrFailureIsNotKeptAndTheNextBuyReadsAgain() {
        assertThatThrownBy(() -> cache.get(7, id -> {
            reads.incrementAndGet();
            throw new BizException(OrderErrorCode.GOODS_NOT_ON_SALE);
        })).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> cache.get(7, id -> {
            reads.incrementAndGet();
            throw new IllegalStateException("goods service down");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(cache.get(7, id -> read(id, true)).onSale()).isTrue();
        assertThat(reads).hasValue(3);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void collectionsAreKeptApartByTheirIds() {
        cache.get(7, id -> read(id, true));
        Goods other = cache.get(8, id -> read(id, true));

        assertThat(other.collectionId()).isEqualTo(8);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFloodOfCollectionIdsStaysWithinTheBound() {
        for (long id = 1; id <= OnSaleGoods.MAX_COLLECTIONS + 500; id++) {
            cache.get(id, i -> read(i, true));
        }

        assertThat(cache.size()).isLessThanOrEqualTo(OnSaleGoods.MAX_COLLECTIONS);
    }

    /** The ground the cache stands on: ON_SALE is the last state. A new state must revisit OnSaleGoods first. */
    @Test
    void onSaleIsTheLastStateOfACollection() {
        assertThat(CollectionState.values()).containsExactly(CollectionState.INIT, CollectionState.ON_SALE);
    }

    private Goods read(long id, boolean onSale) {
        reads.incrementAndGet();
        return new Goods(id, "Seckill #" + id, new BigDecimal("9.90"), onSale, Instant.parse("2026-01-01T00:00:00Z"),
                false);
    }
}
