package io.tradekit.sample.nft.web;

import io.tradekit.sample.nft.order.TradingClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Collections for the browser tests, with the application's own cover image (nothing off the machine). */
final class WebTestData {

    private WebTestData() {
    }

    /** Creates and opens (as the bootstrap admin, over the API) a sale at 1.00 started a minute ago. */
    static long openCollection(TradingClient api, int port, String name, int quantity) {
        String admin = api.admin();
        TradingClient.Answer created = api.post("/admin/collections", admin, Map.of("name", name,
                "cover", "http://127.0.0.1:" + port + "/img/cover.svg", "price", new java.math.BigDecimal("1.00"),
                "quantity", quantity, "saleTime", Instant.now().minusSeconds(60).toString(), "bookRequired", false));
        if (!created.ok()) {
            throw new AssertionError("create collection: " + created);
        }
        long id = created.data().asLong();
        TradingClient.Answer opened = api.post("/admin/collections/" + id + "/open", admin, Map.of());
        if (!opened.ok()) {
            throw new AssertionError("open collection: " + opened);
        }
        return id;
    }

    /** The home page's card of a collection, reloading while the cached list (10 s) does not show it yet. */
    static WebElement awaitCard(Browser browser, long collection) {
        return browser.until(d -> {
            d.navigate().to(browser.base() + "/");
            List<WebElement> found = d.findElements(By.cssSelector(".collection[data-collection-id='" + collection + "']"));
            return found.isEmpty() ? null : found.get(0);
        });
    }
}
