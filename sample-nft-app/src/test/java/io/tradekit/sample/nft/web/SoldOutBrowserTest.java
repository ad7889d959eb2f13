package io.tradekit.sample.nft.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.order.TradingClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two browsers on a one-item sale: the first buys it; the second, already on the home page, turns to
 * "sold out" by itself (its stock poll), with the buy button disabled, and stops asking for that stock.
 */
@SampleAppTest
@Tag("browser")
@Timeout(300)
class SoldOutBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecondBrowserSeesSoldOutOnceTheLastItemIsBought() {
        TradingClient api = new TradingClient(port);
        long collection = WebTestData.openCollection(api, port, "月光 Moon one-off", 1);
        String phone = TradingClient.uniquePhone();
        api.register(phone);
        String session = api.login(phone);
        api.post("/user/auth", session, Map.of("realName", "韩梅梅", "idCardNo", TradingClient.validIdCard()));

        try (Browser first = new Browser(port); Browser second = new Browser(port)) {
            WebElement watching = WebTestData.awaitCard(second, collection);
            second.until(d -> watching.findElement(By.cssSelector(".stock")).getText().equals("1"));

            first.open("/web/login");
            first.type("#telephone", phone);
            first.type("#password", TradingClient.PASSWORD);
            first.click("#login-form button[type=submit]");
            first.until(d -> d.getCurrentUrl().endsWith("/web/auth"));
            WebElement card = WebTestData.awaitCard(first, collection);
            WebElement buy = card.findElement(By.cssSelector(".buy"));
            first.until(d -> buy.isEnabled());
            buy.click();
            first.until(d -> d.getCurrentUrl().endsWith("/web/orders"));

            second.until(d -> watching.findElement(By.cssSelector(".sold-out")).isDisplayed());
            assertThat(watching.findElement(By.cssSelector(".buy")).isEnabled()).isFalse();
            assertThat(watching.findElement(By.cssSelector(".buy")).getText()).contains("已售罄").contains("Sold out");
            assertThat(watching.findElement(By.cssSelector(".stock")).getText()).isEqualTo("0");
            second.check("home-sold-out");

            // The server agrees: no stock left, one order, and a buy from the API is refused as sold out.
            assertThat(api.get("/web/api/stock?ids=" + collection, null).data().path(String.valueOf(collection))
                    .asLong()).isZero();
            List<?> orders = jdbc.queryForList("SELECT id FROM nft_order WHERE collection_id = ?", collection);
            assertThat(orders.size()).isLessThanOrEqualTo(1);
            String other = api.newBuyer();
            TradingClient.Answer refused = api.buy(other, api.token(other, "buy"), collection, 1,
                    new java.math.BigDecimal("1.00"));
            assertThat(refused.code()).isEqualTo("SOLD_OUT");
        }
    }
}
