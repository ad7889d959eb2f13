package io.tradekit.sample.nft.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.order.TradingClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages' safety over plain HTTP: a strict Content-Security-Policy on pages (not on the API, whose
 * Swagger UI needs inline code), HTML-escaped collection names, and the cross-site check of changes that
 * the login cookie alone would authenticate.
 */
@SampleAppTest
class PageSecurityHttpTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Test
    void everyPageCarriesAStrictContentSecurityPolicy() throws Exception {
        for (String page : new String[] {"/", "/web/login", "/web/orders", "/web/nfts", "/web/admin",
                "/web/admin/parameters", "/web/officer", "/web/officer/new", "/web/officer/applications/1"}) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(page)).GET());
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(page).startsWith("text/html");
            String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(page).contains("script-src 'self'").contains("object-src 'none'")
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(answer.body()).as(page).doesNotContain("<script>").doesNotContainPattern("\\son[a-z]+=\"");
        }
        assertThat(send(HttpRequest.newBuilder(uri("/collections")).GET()).headers()
                .firstValue("Content-Security-Policy")).isEmpty();
    }

    @Test
    void aHostileCollectionNameIsEscapedInTheHomePage() throws Exception {
        TradingClient api = new TradingClient(port);
        String hostile = "<img src=x onerror=alert(1)> " + TradingClient.uniquePhone();
        WebTestData.openCollection(api, port, hostile, 2);
        String escaped = "&lt;img src=x onerror=alert(1)&gt; ";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String body = "";
        while (System.nanoTime() < deadline && !body.contains(escaped)) {   // the home list is cached 10 s
            body = send(HttpRequest.newBuilder(uri("/")).GET()).body();
            Thread.sleep(500);
        }
        assertThat(body).contains(escaped).doesNotContain("<img src=x");
    }

    @Test
    void aCookieAuthenticatedChangeNeedsTheCrossSiteHeaderAndOurOrigin() throws Exception {
        TradingClient api = new TradingClient(port);
        String session = api.newBuyer();
        String cookie = "tradekit-token=" + session;
        String cancel = "{\"orderId\":\"1\"}";

        HttpResponse<String> forged = send(post("/trade/cancel", cancel).header("Cookie", cookie));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("\"code\":\"FORBIDDEN\"").contains("X-Requested-With");

        HttpResponse<String> otherSite = send(post("/trade/cancel", cancel).header("Cookie", cookie)
                .header("X-Requested-With", "tradekit-web").header("Origin", "https://evil.example"));
        assertThat(otherSite.statusCode()).isEqualTo(403);

        // From the pages: the header and this origin; the request reaches the business check (no such order).
        HttpResponse<String> fromPage = send(post("/trade/cancel", cancel).header("Cookie", cookie)
                .header("X-Requested-With", "tradekit-web").header("Origin", "http://127.0.0.1:" + port));
        assertThat(fromPage.statusCode()).isNotEqualTo(403).isNotEqualTo(401);
        assertThat(fromPage.body()).doesNotContain("X-Requested-With");

        // The token header (curl, Swagger, services) is no cookie authentication: unchanged.
        HttpResponse<String> withHeader = send(post("/trade/cancel", cancel).header("tradekit-token", session));
        assertThat(withHeader.statusCode()).isEqualTo(fromPage.statusCode());

        // Without any login the SSO check answers as before (401), not this filter.
        assertThat(send(post("/trade/cancel", cancel)).statusCode()).isEqualTo(401);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
