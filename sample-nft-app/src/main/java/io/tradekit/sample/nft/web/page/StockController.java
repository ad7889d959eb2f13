package io.tradekit.sample.nft.web.page;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.sample.nft.inventory.application.InventoryService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live stock of the home page's collections, one Redis read each: the page asks every few seconds
 * and stops asking for a collection once it is sold out, so a sold-out sale costs the server nothing.
 * Answers {@code -1} for a sale without stock (not open).
 */
@RestController
class StockController {

    /** At most this many ids per call: the home page shows no more. */
    static final int MAX_IDS = BuyerPageController.HOME_SIZE;
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");

    private final InventoryService inventory;

    StockController(InventoryService inventory) {
        this.inventory = inventory;
    }

    @GetMapping("/web/api/stock")
    SingleResponse<Map<String, Long>> stock(@RequestParam("ids") List<String> ids) {
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw new BizException(CommonErrorCode.PARAM_INVALID, "ids must name 1 to " + MAX_IDS + " collections");
        }
        Map<String, Long> stock = new LinkedHashMap<>();
        for (String id : ids) {
            if (!ID.matcher(id).matches()) {
                throw new BizException(CommonErrorCode.PARAM_INVALID, "ids must be positive integers");
            }
            long collectionId;
            try {
                collectionId = Long.parseLong(id);
            } catch (NumberFormatException tooLarge) {
                throw new BizException(CommonErrorCode.PARAM_INVALID, "ids must be positive integers");
            }
            stock.put(id, inventory.cacheStockOrMissing(collectionId));
        }
        return SingleResponse.of(stock);
    }
}
