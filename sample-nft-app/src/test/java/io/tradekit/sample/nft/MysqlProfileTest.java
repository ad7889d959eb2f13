package io.tradekit.sample.nft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.sample.nft.chain.application.NftProofDTO;
import io.tradekit.sample.nft.onboarding.OnboardingHttp;
import io.tradekit.sample.nft.onboarding.OnboardingTestData;
import io.tradekit.sample.nft.order.TradingClient;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on the {@code mysql} profile against a real MariaDB / MySQL: every Flyway
 * migration applies, and one smoke flow over HTTP writes to every context's tables.
 *
 * <p>Runs only when asked ({@code TRADEKIT_MYSQL_TESTS=true} or {@code -Dtradekit.mysql.tests=true};
 * {@code .ci/run} sets it), because it needs a database server the embedded defaults do not
 * start. Once asked, an unreachable server FAILS the test rather than skipping it, so CI cannot go
 * green without having run it. Server: {@code TRADEKIT_MYSQL_TEST_URL} (default
 * {@code jdbc:mariadb://127.0.0.1:3306/}), {@code TRADEKIT_MYSQL_TEST_USER} (root),
 * {@code TRADEKIT_MYSQL_TEST_PASSWORD} (empty).
 *
 * <p>It creates a schema of its own ({@code tradekit_nft_ci_<random hex>}), runs the app on it and
 * drops exactly that schema afterwards, whatever happened; it never reads or changes another one.
 *
 * <p>Tagged {@code mysql}: the module's pom runs it in a Surefire execution (and JVM) of its own. In the
 * suite's JVM it would share the dev Redis with the H2 context, where the two databases' ids (users,
 * collections) collide on the same stock and cache keys, and closing it would tear down the Dubbo
 * protocols every context of the JVM shares (see {@code SeckillTwoInstancesTest}).
 */
@Tag("mysql")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "enabled", disabledReason = "needs a MariaDB/MySQL server: set TRADEKIT_MYSQL_TESTS=true "
        + "(or -Dtradekit.mysql.tests=true); server from TRADEKIT_MYSQL_TEST_URL, default jdbc:mariadb://127.0.0.1:3306/")
class MysqlProfileTest {

    private static final String ENABLED_ENV = "TRADEKIT_MYSQL_TESTS";
    private static final String ENABLED_PROPERTY = "tradekit.mysql.tests";
    /** Only names of this shape are ever created or dropped. */
    private static final Pattern OWN_SCHEMA = Pattern.compile("tradekit_nft_ci_[0-9a-f]{16}");
    private static final BigDecimal PRICE = new BigDecimal("9.90");

    private final String serverUrl = setting("TRADEKIT_MYSQL_TEST_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private final String user = setting("TRADEKIT_MYSQL_TEST_USER", "root");
    private final String password = setting("TRADEKIT_MYSQL_TEST_PASSWORD", "");
    private final String schema = "tradekit_nft_ci_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

    private boolean schemaCreated;
    private ConfigurableApplicationContext app;
    private JdbcTemplate jdbc;
    private TradingClient trading;
    private OnboardingHttp onboarding;
    private TestRestTemplate http;

    static boolean enabled() {
        return "true".equalsIgnoreCase(System.getenv(ENABLED_ENV))
                || "true".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY));
    }

    @BeforeAll
    void startOnOwnSchema() throws SQLException {
        assertThat(schema).matches(OWN_SCHEMA);
        // Enabled but unreachable must fail: a SQLException here fails the class, it is no assumption.
        execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        schemaCreated = true;

        // Command-line arguments, not builder properties: those are mere defaults, and the profile's own
        // spring.datasource.url (TRADEKIT_DB_URL or tradekit_nft) would win over them.
        app = new SpringApplicationBuilder(NftApplication.class)
                .profiles("mysql")
                .properties("server.port=0", "dubbo.application.name=sample-nft-app-mysql")
                .run("--spring.datasource.url=" + schemaUrl(),
                        "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password);
        jdbc = app.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).as("the app runs on our own schema")
                .isEqualTo(schema);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        trading = new TradingClient(port);
        http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
        onboarding = new OnboardingHttp(http);
    }

    @AfterAll
    void closeAndDropOwnSchema() throws SQLException {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (schemaCreated) {
                execute("DROP DATABASE IF EXISTS " + schema);
            }
        }
    }

    @Test
    void runsOnTheConfiguredServerAndSchema() {
        assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).isEqualTo(schema);
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).as("a MySQL-family server, not H2")
                .matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(jdbc.queryForObject("SELECT @@character_set_database", String.class)).isEqualTo("utf8mb4");
    }

    @Test
    void everyMigrationApplied() throws Exception {
        Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql");
        List<String> versions = Arrays.stream(scripts).map(Resource::getFilename).filter(Objects::nonNull)
                .map(name -> name.substring(1, name.indexOf("__"))).sorted().toList();
        assertThat(versions).isNotEmpty();

        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY"
                + " installed_rank", String.class)).containsExactlyInAnyOrderElementsOf(versions);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success <> 1",
                Integer.class)).isZero();
        // The seeds are there, Chinese text intact (utf8mb4 end to end).
        assertThat(jdbc.queryForObject("SELECT name FROM param_business_type WHERE code = 'CORP_ACCOUNT_OPEN'",
                String.class)).isEqualTo("对公开户");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM onb_staff", Integer.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT height FROM chain_head WHERE id = 1", Long.class)).isZero();
    }

    @Test
    void buyPayMintAndProveOverHttp() throws Exception {
        String admin = trading.admin();
        long collectionId = trading.openCollection(admin, PRICE, 3, false, Instant.now().minusSeconds(60));
        String buyer = trading.newBuyer();
        assertThat(trading.get("/collections/" + collectionId, null).data().path("state").asText())
                .isEqualTo("ON_SALE");

        TradingClient.Answer bought = trading.buy(buyer, trading.token(buyer, "buy"), collectionId, 1, PRICE);
        assertThat(bought.ok()).as(bought.toString()).isTrue();
        String orderId = bought.data().path("orderId").asText();
        JsonNode order = trading.awaitOrder(buyer, orderId, o -> "CREATED".equals(o.path("state").asText()));
        assertThat(order.path("amount").decimalValue()).isEqualByComparingTo(PRICE);
        assertThat(jdbc.queryForObject("SELECT stock FROM nft_inventory WHERE collection_id = ?", Integer.class,
                collectionId)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM nft_inventory_flow WHERE order_id = ?", Integer.class,
                Long.parseLong(orderId))).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tradekit_txmsg_consumed", Integer.class)).isPositive();

        TradingClient.Answer paid = trading.post("/trade/pay", buyer, trading.token(buyer, "pay"),
                Map.of("orderId", orderId));
        assertThat(paid.ok()).as(paid.toString()).isTrue();
        assertThat(paid.data().path("state").asText()).isEqualTo("PAID");
        assertThat(jdbc.queryForList("SELECT to_state FROM nft_order_flow WHERE order_id = ? ORDER BY id",
                String.class, Long.parseLong(orderId))).containsExactly("CREATING", "CREATED", "PAID");

        // Minting is asynchronous and sealing periodic: poll the buyer's NFTs, then the proof.
        JsonNode nft = await("the minted NFT", () -> {
            JsonNode nfts = trading.get("/chain/nfts", buyer).body().path("list");
            return nfts.isArray() && nfts.size() == 1 ? nfts.get(0) : null;
        });
        assertThat(nft.path("orderId").asText()).isEqualTo(orderId);
        String tokenId = nft.path("tokenId").asText();
        JsonNode proofJson = await("the sealed proof", () -> {
            TradingClient.Answer proof = trading.get("/chain/proof/" + tokenId, null);
            return proof.ok() ? proof.data() : null;
        });
        NftProofDTO proof = app.getBean(ObjectMapper.class).treeToValue(proofJson, NftProofDTO.class);
        assertThat(proof.verify()).isTrue();
        assertThat(proof.leaf().tokenId()).isEqualTo(Long.parseLong(tokenId));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM chain_block WHERE height = ?", Integer.class,
                proof.header().height())).isOne();
        assertThat(jdbc.queryForObject("SELECT height FROM chain_head WHERE id = 1", Long.class)).isPositive();
    }

    @Test
    void staffSubmitAndPreReviewOverHttp() {
        ResponseEntity<String> login = onboarding.post("/onboarding/staff/login",
                Map.of("loginName", "officer.a1", "password", OnboardingHttp.PASSWORD), null);
        assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
        String officer = OnboardingHttp.json(login).at("/data/token").asText();

        String company = "测试" + OnboardingTestData.unique() + "有限公司";
        long id = onboarding.submit(officer, OnboardingTestData.request(company));
        JsonNode reviewed = onboarding.act(officer, id, "PRE_REVIEW");
        assertThat(reviewed.get("status").asText()).isEqualTo("PRE_REVIEW");
        assertThat(reviewed.at("/review/overall").asText()).isEqualTo("PASS");
        assertThat(reviewed.get("ruleVersion").asInt()).isOne();

        assertThat(jdbc.queryForObject("SELECT company_name FROM onb_application WHERE id = ?", String.class, id))
                .isEqualTo(company);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM onb_related_person WHERE application_id = ?",
                Integer.class, id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM onb_review WHERE application_id = ?", Integer.class, id))
                .isOne();
        assertThat(jdbc.queryForList("SELECT to_status FROM onb_transition WHERE application_id = ? ORDER BY id",
                String.class, id)).containsExactly("PRE_REVIEW");
        assertThat(OnboardingHttp.json(onboarding.get("/onboarding/pending?keyword={k}", officer, company))
                .get("total").asLong()).isOne();
    }

    @Test
    void adminPublishesARuleSetVersionOverHttp() {
        ResponseEntity<String> login = onboarding.post("/onboarding/staff/login",
                Map.of("loginName", "admin", "password", OnboardingHttp.PASSWORD), null);
        assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
        String admin = OnboardingHttp.json(login).at("/data/token").asText();
        String suffix = OnboardingTestData.unique();

        assertThat(onboarding.post("/parameter/vouchers", Map.of("code", "V_" + suffix, "name", "测试凭证"), admin)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> element = onboarding.post("/parameter/vouchers/V_" + suffix + "/elements",
                Map.of("code", "LEGAL_REP_AGE", "name", "法人年龄", "sourceType", "PERSON",
                        "sourcePath", "LEGAL_REPRESENTATIVE.age", "ruleType", "RANGE",
                        "args", Map.of("min", "18", "max", "70"), "message", "法人年龄超限"), admin);
        assertThat(element.getStatusCode()).as(element.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode published = OnboardingHttp.json(onboarding.put("/parameter/business-types",
                Map.of("code", "BT_" + suffix, "name", "测试业务", "voucherCodes", List.of("V_" + suffix)), admin))
                .get("data");
        assertThat(published.get("version").asInt()).isOne();

        assertThat(jdbc.queryForObject("SELECT snapshot FROM param_rule_set_version WHERE business_type = ?",
                String.class, "BT_" + suffix)).contains("法人年龄超限");
        assertThat(jdbc.queryForObject("SELECT name FROM param_element WHERE voucher_code = ?", String.class,
                "V_" + suffix)).isEqualTo("法人年龄");
    }

    @Test
    void cancelGivesTheStockBack() {
        long collectionId = trading.openCollection(trading.admin(), PRICE, 2, false, Instant.now().minusSeconds(60));
        String buyer = trading.newBuyer();
        TradingClient.Answer bought = trading.buy(buyer, trading.token(buyer, "buy"), collectionId, 2, PRICE);
        assertThat(bought.ok()).as(bought.toString()).isTrue();
        String orderId = bought.data().path("orderId").asText();
        trading.awaitOrder(buyer, orderId, o -> "CREATED".equals(o.path("state").asText()));

        TradingClient.Answer cancelled = trading.post("/trade/cancel", buyer, Map.of("orderId", orderId));
        assertThat(cancelled.ok()).as(cancelled.toString()).isTrue();
        assertThat(trading.awaitOrder(buyer, orderId, o -> "CANCELLED".equals(o.path("state").asText()))
                .path("state").asText()).isEqualTo("CANCELLED");
        await("the DB stock back", () -> jdbc.queryForObject("SELECT stock FROM nft_inventory WHERE collection_id = ?",
                Integer.class, collectionId) == 2 ? Boolean.TRUE : null);
        assertThat(jdbc.queryForList("SELECT change_type FROM nft_inventory_flow WHERE order_id = ? ORDER BY id",
                String.class, Long.parseLong(orderId))).containsExactly("DEDUCT", "RESTORE");
    }

    private String schemaUrl() {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String params = query < 0 ? "" : serverUrl.substring(query);
        return (base.endsWith("/") ? base : base + "/") + schema + params;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static <T> T await(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(what + " did not appear within 30 s");
    }

    private static String setting(String env, String fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }
}
