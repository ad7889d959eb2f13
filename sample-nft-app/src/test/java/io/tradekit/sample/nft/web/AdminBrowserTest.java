package io.tradekit.sample.nft.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.order.TradingClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The admin in a real browser: logs in, creates a collection whose name is an HTML injection attempt,
 * opens its sale, and finds the name shown as text (never as markup) on the admin page and the buyers'
 * home page; the parameter screens load for the admin. Database and API agree with every page.
 */
@SampleAppTest
@Tag("browser")
@Timeout(300)
class AdminBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createsAndOpensACollectionWhoseHostileNameStaysText() {
        TradingClient api = new TradingClient(port);
        String hostile = "<img src=x onerror=alert(1)> " + TradingClient.uniquePhone();

        try (Browser browser = new Browser(port)) {
            browser.open("/web/login");
            browser.type("#telephone", TradingClient.ADMIN_PHONE);
            browser.type("#password", TradingClient.ADMIN_PASSWORD);
            browser.click("#login-form button[type=submit]");
            browser.until(d -> d.getCurrentUrl().endsWith("/web/auth"));

            browser.open("/web/admin");
            browser.find("#admin-collections");
            browser.type("#name", hostile);
            browser.type("#cover", "http://127.0.0.1:" + port + "/img/cover.svg");
            browser.type("#price", "2.50");
            browser.type("#quantity", "3");
            browser.setValue("#saleTime", "2026-01-01T08:00");
            browser.click("#create-form button[type=submit]");
            browser.awaitStatus("已创建");
            long collection = jdbc.queryForObject("SELECT id FROM nft_collection WHERE name = ?", Long.class, hostile);
            assertThat(jdbc.queryForObject("SELECT state FROM nft_collection WHERE id = ?", String.class, collection))
                    .isEqualTo("INIT");

            WebElement row = browser.find("#admin-collections tr[data-collection-id='" + collection + "']");
            assertThat(row.findElement(By.cssSelector(".name")).getText()).isEqualTo(hostile);
            assertThat(browser.driver().findElements(By.cssSelector("img[src='x']"))).isEmpty();
            browser.check("admin-collections");
            browser.click("#admin-collections tr[data-collection-id='" + collection + "'] .open");
            browser.awaitStatus("已开售");
            browser.until(d -> "ON_SALE".equals(d.findElement(
                    By.cssSelector("#admin-collections tr[data-collection-id='" + collection + "']"))
                    .getAttribute("data-state")));
            assertThat(jdbc.queryForObject("SELECT state FROM nft_collection WHERE id = ?", String.class, collection))
                    .isEqualTo("ON_SALE");
            assertThat(api.get("/web/api/stock?ids=" + collection, null).data().path(String.valueOf(collection))
                    .asLong()).isEqualTo(3);

            WebElement card = WebTestData.awaitCard(browser, collection);
            assertThat(card.findElement(By.cssSelector(".name")).getText()).isEqualTo(hostile);
            assertThat(browser.driver().findElements(By.cssSelector("img[src='x']"))).isEmpty();
            assertThat(browser.driver().getPageSource()).contains("&lt;img src=x onerror=alert(1)&gt;");

            // The parameter screens belong to the head-office staff admin (onboarding staff, role ADMIN).
            browser.open("/web/officer/login");
            browser.type("#loginName", "admin");
            browser.type("#password", "Demo-Pass-2026");
            browser.click("#officer-login-form button[type=submit]");
            browser.until(d -> d.getCurrentUrl().endsWith("/web/officer"));
            browser.open("/web/admin/parameters");
            browser.find("#vouchers li");
            browser.find("#elements tr");
            String voucher = "WEB_" + System.nanoTime() % 1_000_000;
            browser.type("#voucher-code", voucher);
            browser.type("#voucher-name", "网页新增凭证");
            browser.click("#voucher-form button[type=submit]");
            browser.awaitStatus("已新增");
            assertThat(jdbc.queryForObject("SELECT name FROM param_voucher WHERE code = ?", String.class, voucher))
                    .isEqualTo("网页新增凭证");
            browser.type("#bt-code", "CORP_ACCOUNT_OPEN");
            browser.click("#version-form button[type=submit]");
            browser.find("#ruleset tr");
            assertThat(browser.find("#ruleset-meta").getText()).contains("版本 Version");
            browser.check("admin-parameters");
        }
    }
}
