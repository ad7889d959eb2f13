package io.tradekit.sample.nft.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.core.response.SingleResponse;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.collection.api.CollectionFacade;
import io.tradekit.sample.nft.inventory.api.InventoryFacade;
import io.tradekit.sample.nft.inventory.api.StockRequest;
import io.tradekit.sample.nft.user.api.UserFacade;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The Dubbo facades through the order context's references: invalid arguments are answered
 * PARAM_INVALID by {@code @Facade} (the body never runs), unknown ids with the context's code,
 * hostile identifiers never reach Redis.
 */
@SampleAppTest
class FacadeContractTest {

    @Autowired
    @Qualifier("userFacade")
    UserFacade users;

    @Autowired
    @Qualifier("collectionFacade")
    CollectionFacade collections;

    @Autowired
    @Qualifier("inventoryFacade")
    InventoryFacade inventory;

    @Test
    void invalidArgumentsAreRefusedWithParamInvalid() {
        assertFailed(users.query(null), "PARAM_INVALID");
        assertFailed(users.query(-1L), "PARAM_INVALID");
        assertFailed(collections.queryGoods(0L), "PARAM_INVALID");
        assertFailed(collections.hasBooked(1L, null), "PARAM_INVALID");
        assertFailed(inventory.stock(null), "PARAM_INVALID");
        assertFailed(inventory.deduct(null), "PARAM_INVALID");
        assertFailed(inventory.deduct(new StockRequest(1L, 1L, "x\r\nDEL *", 1)), "PARAM_INVALID");
        assertFailed(inventory.deduct(new StockRequest(1L, 1L, "a".repeat(65), 1)), "PARAM_INVALID");
        assertFailed(inventory.deduct(new StockRequest(1L, 1L, "ok", 101)), "PARAM_INVALID");
        assertFailed(inventory.deducted(1L, "'..redis.call('FLUSHALL')..'"), "PARAM_INVALID");
    }

    @Test
    void unknownIdsAnswerTheContextsCode() {
        assertFailed(users.query(987_654_321L), "USER_NOT_FOUND");
        assertFailed(collections.queryGoods(987_654_321L), "COLLECTION_NOT_FOUND");
        assertFailed(inventory.stock(987_654_321L), "STOCK_MISSING");
        assertFailed(inventory.deduct(new StockRequest(987_654_321L, 1L, "token-1", 1)), "STOCK_MISSING");
        assertThat(inventory.deducted(987_654_321L, "token-1").getData()).isFalse();
    }

    private static void assertFailed(SingleResponse<?> response, String code) {
        assertThat(response.isSuccess()).isFalse();
        assertThat(response.getCode()).isEqualTo(code);
    }
}
