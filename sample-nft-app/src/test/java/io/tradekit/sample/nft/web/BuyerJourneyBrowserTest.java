package io.tradekit.sample.nft.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.order.TradingClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A buyer in a real browser: registers, logs in, passes real-name authentication, buys with a double
 * click (one order), pays, and sees the NFT with its Merkle proof verified by the page's own WebCrypto
 * code. Every step is also checked in the database or through the API, and every page with axe-core.
 */
@SampleAppTest
@Tag("browser")
@Timeout(300)
class BuyerJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registersAuthenticatesBuysPaysAndVerifiesTheProofInTheBrowser() {
        TradingClient api = new TradingClient(port);
        long collection = WebTestData.openCollection(api, port, "月光 Moon " + TradingClient.uniquePhone(), 5);
        String phone = TradingClient.uniquePhone();
        String idCard = TradingClient.validIdCard();

        try (Browser browser = new Browser(port)) {
            browser.open("/web/register");
            browser.check("register");
            browser.type("#telephone", phone);
            browser.type("#password", TradingClient.PASSWORD);
            browser.click("#register-form button[type=submit]");
            browser.until(d -> d.getCurrentUrl().endsWith("/web/login"));
            assertThat(jdbc.queryForObject("SELECT state FROM nft_user WHERE telephone = ?", String.class, phone))
                    .isEqualTo("INIT");

            browser.check("login");
            browser.type("#telephone", phone);
            browser.type("#password", TradingClient.PASSWORD);
            browser.click("#login-form button[type=submit]");
            browser.until(d -> d.getCurrentUrl().endsWith("/web/auth"));
            Cookie login = browser.driver().manage().getCookieNamed("tradekit-token");
            assertThat(login).as("login cookie").isNotNull();
            assertThat(login.isHttpOnly()).isTrue();
            assertThat(login.getSameSite()).isEqualTo("Lax");
            String session = login.getValue();

            browser.find("#me");
            browser.type("#realName", "李雷");
            browser.type("#idCardNo", idCard);
            browser.click("#auth-form button[type=submit]");
            browser.awaitStatus("实名认证成功");
            browser.check("auth");
            assertThat(api.get("/user/me", session).data().path("state").asText()).isEqualTo("AUTHENTICATED");

            WebElement card = WebTestData.awaitCard(browser, collection);
            browser.until(d -> card.findElement(By.cssSelector(".stock")).getText().equals("5"));
            WebElement buy = card.findElement(By.cssSelector(".buy"));
            browser.until(d -> buy.isEnabled());
            browser.check("home");

            new Actions(browser.driver()).doubleClick(buy).perform();
            browser.until(d -> d.getCurrentUrl().endsWith("/web/orders"));
            WebElement row = browser.find("#orders tr[data-order-id]");
            String orderId = row.getAttribute("data-order-id");
            // A double click made one order: one token fetched behind the first click, the button disabled.
            List<JsonNode> mine = list(api.get("/trade/orders", session).body());
            assertThat(mine).hasSize(1);
            assertThat(mine.get(0).path("orderId").asText()).isEqualTo(orderId);
            assertThat(mine.get(0).path("collectionId").asLong()).isEqualTo(collection);

            browser.until(d -> d.findElement(By.cssSelector("#orders tr[data-order-id] .pay")).isDisplayed());
            browser.check("orders");
            browser.click("#orders tr[data-order-id] .pay");
            browser.awaitStatus("支付成功");
            browser.until(d -> "PAID".equals(d.findElement(By.cssSelector("#orders tr[data-order-id]"))
                    .getAttribute("data-state")));
            assertThat(jdbc.queryForObject("SELECT state FROM nft_order WHERE id = ?", String.class,
                    Long.parseLong(orderId))).isEqualTo("PAID");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM nft_order WHERE collection_id = ?", Integer.class,
                    collection)).isEqualTo(1);

            browser.open("/web/nfts");
            WebElement verdict = browser.until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector(".nft .proof[data-verified='true']"));
                return found.isEmpty() ? null : found.get(0);
            });
            assertThat(verdict.getText()).contains("证明已在浏览器中验证");
            String tokenId = browser.find(".nft").getAttribute("data-token-id");
            JsonNode nfts = api.get("/chain/nfts", session).body().path("list");
            assertThat(nfts).hasSize(1);
            assertThat(nfts.get(0).path("tokenId").asText()).isEqualTo(tokenId);
            assertThat(jdbc.queryForObject("SELECT order_id FROM chain_transaction WHERE token_id = ?", Long.class,
                    Long.parseLong(tokenId))).isEqualTo(Long.parseLong(orderId));
            browser.check("nfts");

            assertTheVerifierRejectsTamperedProofs(browser, tokenId);
        }
    }

    /** The page's verifier is no rubber stamp: a changed leaf, sibling or header fails in the same page. */
    @SuppressWarnings("unchecked")
    private static void assertTheVerifierRejectsTamperedProofs(Browser browser, String tokenId) {
        Object outcomes = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                    const proof = (await Tk.api('GET', '/chain/proof/' + arguments[0])).body.data;
                    const block = (await Tk.api('GET', '/chain/blocks/' + proof.header.height)).body.data.header;
                    const copy = (o) => JSON.parse(JSON.stringify(o));
                    const out = {honest: (await Merkle.verify(proof, block)).ok};
                    const owner = copy(proof); owner.leaf.ownerId = String(BigInt(owner.leaf.ownerId) + 1n);
                    out.otherOwner = (await Merkle.verify(owner, block)).ok;
                    const header = copy(block); header.timestamp = header.timestamp + 1;
                    out.otherHeader = (await Merkle.verify(proof, header)).ok;
                    const root = copy(block); root.merkleRoot = '0'.repeat(64);
                    out.otherRoot = (await Merkle.verify(proof, root)).ok;
                    done(out);
                })().catch(e => done({error: String(e)}));
                """, tokenId);
        assertThat((Map<String, Object>) outcomes).containsEntry("honest", true).containsEntry("otherOwner", false)
                .containsEntry("otherHeader", false).containsEntry("otherRoot", false);
    }

    private static List<JsonNode> list(JsonNode body) {
        List<JsonNode> out = new java.util.ArrayList<>();
        body.path("list").forEach(out::add);
        return out;
    }
}
