package io.tradekit.sample.nft.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.validator.BuyChain;
import io.tradekit.sample.nft.order.domain.validator.BuyContext;
import io.tradekit.sample.nft.order.domain.validator.GoodsBookValidator;
import io.tradekit.sample.nft.order.domain.validator.GoodsValidator;
import io.tradekit.sample.nft.order.domain.validator.StockValidator;
import io.tradekit.sample.nft.order.domain.validator.UserValidator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain's rules and order, on in-memory gateways (domain logic only; the HTTP tests use the real ones). */
class BuyValidatorChainTest {

    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final BigDecimal PRICE = new BigDecimal("9.90");

    private Buyer buyer = new Buyer(1, false, true);
    private Goods goods = new Goods(7, "Moon", PRICE, true, NOW.minusSeconds(1), false);
    private boolean booked;
    private long stock = 5;
    private boolean flagged;
    private final List<String> calls = new ArrayList<>();

    private final TradeGateway trade = new TradeGateway() {
        public Buyer buyer(long userId) { calls.add("buyer"); return buyer; }
        public Goods goods(long collectionId) { calls.add("goods"); return goods; }
        public boolean hasBooked(long collectionId, long userId) { calls.add("booked"); return booked; }
    };

    private final StockGateway stocks = new StockGateway() {
        public boolean knownSoldOut(long collectionId, int quantity) { calls.add("flag"); return flagged; }
        public long cacheStock(long collectionId) { calls.add("stock"); return stock; }
        public void deductCache(long c, long b, String i, int q) { }
        public boolean cacheDeducted(long c, String i) { return false; }
        public void restoreCache(long c, long b, String i, int q) { }
        public void deductDb(long c, long o, long b, String i, int q) { }
        public void restoreDb(long c, long o, long b, String i, int q) { }
    };

    /** The order the application assembles (BuyRulesConfiguration): the stock first. */
    private BuyChain chain() {
        return new BuyChain(List.of(new StockValidator(stocks), new UserValidator(trade), new GoodsValidator(trade),
                new GoodsBookValidator(trade)));
    }

    private void buy(int quantity, BigDecimal price) {
        chain().validate(BuyContext.start(1, 7, quantity, price, NOW));
    }

    @Test
    void passesInOrderAndLeavesTheGoodsForLaterSteps() {
        BuyContext start = BuyContext.start(1, 7, 1, PRICE, NOW);
        BuyContext checked = chain().validate(start);
        assertThat(calls).containsExactly("flag", "stock", "buyer", "goods");
        assertThat(checked.goods()).isEqualTo(goods);
        assertThat(checked.buyer()).isEqualTo(buyer);
        assertThat(start.goods()).as("the context is immutable").isNull();
        assertThat(start.buyer()).isNull();
    }

    @Test
    void eachRuleRefusesWithItsCodeAndStopsTheChain() {
        buyer = new Buyer(1, true, true);
        assertCode(() -> buy(1, PRICE), OrderErrorCode.USER_NOT_ALLOWED);
        assertThat(calls).containsExactly("flag", "stock", "buyer");

        buyer = new Buyer(1, false, false);
        assertCode(() -> buy(1, PRICE), OrderErrorCode.REAL_NAME_REQUIRED);

        buyer = new Buyer(1, false, true);
        assertCode(() -> buy(1, new BigDecimal("9.89")), OrderErrorCode.PRICE_CHANGED);
        assertCode(() -> buy(1, null), OrderErrorCode.PRICE_CHANGED);
        buy(1, new BigDecimal("9.9000"));

        goods = new Goods(7, "Moon", PRICE, false, NOW.minusSeconds(1), false);
        assertCode(() -> buy(1, PRICE), OrderErrorCode.GOODS_NOT_ON_SALE);
        goods = new Goods(7, "Moon", PRICE, true, NOW.plusSeconds(1), false);
        assertCode(() -> buy(1, PRICE), OrderErrorCode.SALE_NOT_STARTED);

        goods = new Goods(7, "Moon", PRICE, true, NOW, true);
        assertCode(() -> buy(1, PRICE), OrderErrorCode.NOT_BOOKED);
        booked = true;
        buy(1, PRICE);

        stock = 1;
        assertCode(() -> buy(2, PRICE), OrderErrorCode.SOLD_OUT);
        stock = -1;
        assertCode(() -> buy(1, PRICE), OrderErrorCode.GOODS_NOT_ON_SALE);
    }

    @Test
    void aSoldOutSaleIsRefusedBeforeAnyReadWhenThisInstanceKnowsIt() {
        flagged = true;
        buyer = new Buyer(1, true, true);
        assertCode(() -> buy(1, PRICE), OrderErrorCode.SOLD_OUT);
        assertThat(calls).containsExactly("flag");
    }

    @Test
    void aSoldOutSaleIsRefusedAfterOneStockReadBeforeTheBuyerOrGoodsAreRead() {
        stock = 0;
        assertCode(() -> buy(1, PRICE), OrderErrorCode.SOLD_OUT);
        assertThat(calls).containsExactly("flag", "stock");
    }

    @Test
    void aBookingCheckWithoutGoodsIsAWiringMistake() {
        assertThatThrownBy(() -> new GoodsBookValidator(trade).check(BuyContext.start(1, 7, 1, PRICE, NOW)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void assertCode(Runnable buy, OrderErrorCode code) {
        assertThatThrownBy(buy::run).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }
}
