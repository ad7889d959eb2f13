package io.tradekit.facade.dubbo;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.core.trace.TraceId;
import io.tradekit.facade.aop.FacadeCallLogger;
import io.tradekit.facade.dubbo.api.CreateOrderRequest;
import io.tradekit.facade.dubbo.api.OrderItem;
import io.tradekit.facade.dubbo.api.OrderTestFacade;
import io.tradekit.facade.dubbo.provider.OrderTestFacadeImpl;
import io.tradekit.facade.support.CapturedLogs;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.apache.dubbo.config.spring.ServiceBean;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.rpc.RpcContext;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A provider context and a consumer context in one JVM talking the real Dubbo protocol over
 * loopback, registry = the ZooKeeper dev service: what a caller sees of a @Facade provider.
 */
class FacadeOverDubboIntegrationTests {

    static final String[] COMMON = {
        "spring.main.banner-mode=off",
        "dubbo.application.qos-enable=false",
        "dubbo.application.register-mode=interface",
        "dubbo.application.service-discovery.migration=FORCE_INTERFACE",
        "dubbo.application.metadata-type=local",
        "dubbo.registry.use-as-config-center=false",
        "dubbo.registry.use-as-metadata-center=false",
        "dubbo.protocol.name=dubbo",
        "dubbo.protocol.port=-1",
        "dubbo.protocol.host=127.0.0.1",
        "dubbo.provider.host=127.0.0.1",
        "dubbo.consumer.scope=remote",
        "dubbo.consumer.timeout=15000",
        "dubbo.consumer.retries=0",
    };

    private static ConfigurableApplicationContext provider;
    private static ConfigurableApplicationContext consumer;
    private static OrderTestFacade facade;

    private CapturedLogs logs;

    @BeforeAll
    static void start() {
        provider = new SpringApplicationBuilder(ProviderApp.class).web(WebApplicationType.NONE)
                .properties(COMMON).properties("dubbo.application.name=facade-it-provider",
                        "dubbo.scan.base-packages=" + OrderTestFacadeImpl.class.getPackageName())
                .run();
        consumer = new SpringApplicationBuilder(ConsumerApp.class).web(WebApplicationType.NONE)
                .properties(COMMON).properties("dubbo.application.name=facade-it-consumer")
                .run();
        facade = consumer.getBean(OrderTestFacade.class);
    }

    @AfterAll
    static void stop() {
        if (consumer != null) {
            consumer.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @BeforeEach
    void capture() {
        logs = CapturedLogs.of(FacadeCallLogger.LOGGER_NAME);
    }

    @AfterEach
    void release() {
        logs.close();
    }

    /**
     * Dubbo 3.3 treats a configured 127.x host as unset and would advertise the machine's network
     * address; the build sets dubbo.network.interface.ignored=.* for tests (root pom) so it falls
     * back to 127.0.0.1. Both the address registered in ZooKeeper and the address the consumer
     * actually called must be loopback: test traffic never leaves 127.0.0.0/8.
     */
    @Test
    void providerIsRegisteredAndCalledOnLoopback() throws Exception {
        @SuppressWarnings("rawtypes")
        List<ServiceBean> services = List.copyOf(provider.getBeansOfType(ServiceBean.class).values());
        assertThat(services).hasSize(1);
        List<URL> urls = services.get(0).getExportedUrls();
        assertThat(urls).isNotEmpty();
        for (URL url : urls) {
            assertThat(url.getProtocol()).isEqualTo("dubbo");
            assertThat(url.getHost()).as("exported host").isEqualTo("127.0.0.1");
        }
        assertThat(provider.getEnvironment().getProperty("dubbo.registry.address")).startsWith("zookeeper://127.0.0.1:");
        String zooKeeper = provider.getEnvironment().getProperty("tradekit.dev-services.zookeeper.connect-string");
        try (CuratorFramework client = CuratorFrameworkFactory.newClient(zooKeeper, new RetryOneTime(100))) {
            client.start();
            List<String> registered = client.getChildren()
                    .forPath("/dubbo/" + OrderTestFacade.class.getName() + "/providers");
            assertThat(registered).as("provider URLs consumers will call").isNotEmpty()
                    .allSatisfy(encoded -> assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8))
                            .startsWith("dubbo://127.0.0.1:"));
        }
        assertThat(facade.create(CreateOrderRequest.valid()).isSuccess()).isTrue();
    }

    @Test
    void validCallSucceedsAcrossDubbo() {
        SingleResponse<String> response = facade.create(CreateOrderRequest.valid());
        assertThat(response.isSuccess()).isTrue();
        assertThat(response.getCode()).isEqualTo("SUCCESS");
        assertThat(response.getData()).isEqualTo("order-b-1");
    }

    @Test
    void invalidInputsComeBackAsParamInvalidAndTheBodyNeverRuns() {
        int before = OrderTestFacadeImpl.BODY_RUNS.get();
        assertInvalid(facade.create(null), "request: must not be null");
        CreateOrderRequest blank = CreateOrderRequest.valid();
        blank.setBuyerId("");
        assertInvalid(facade.create(blank), "request.buyerId: must not be blank");
        CreateOrderRequest nested = CreateOrderRequest.valid();
        nested.setItem(new OrderItem("nft-1", 0));
        assertInvalid(facade.create(nested), "request.item.quantity: must be greater than or equal to 1");
        assertInvalid(facade.createPremium(CreateOrderRequest.valid()), "request.couponCode: must not be blank");
        assertInvalid(facade.find(" ", 1), "orderId: must not be blank");
        assertThat(OrderTestFacadeImpl.BODY_RUNS.get()).isEqualTo(before);
    }

    @Test
    void bizExceptionArrivesAsCodeAndMessage() {
        SingleResponse<String> response = facade.misbehave("biz");
        assertThat(response.isSuccess()).isFalse();
        assertThat(response.getCode()).isEqualTo("NOT_FOUND");
        assertThat(response.getMessage()).isEqualTo("order o-9 does not exist");
    }

    @Test
    void providerNullPointerArrivesAsCodeWithoutClassNameOrStackText() {
        SingleResponse<String> response = facade.misbehave("npe");
        assertThat(response.getCode()).isEqualTo("SYSTEM_ERROR");
        assertThat(response.toString()).doesNotContain("NullPointerException", "Exception", "at io.tradekit",
                "OrderTestFacadeImpl");
        assertThat(logs.single("call=OrderTestFacadeImpl.misbehave").getThrowableProxy()).isNotNull();
    }

    @Test
    void responseLeftWithoutCodeArrivesCompleted() {
        assertThat(facade.misbehave("no-code-success").getCode()).isEqualTo("SUCCESS");
        assertThat(facade.misbehave("no-code-failure").getCode()).isEqualTo("BIZ_ERROR");
    }

    @Test
    void traceIdSentAsAttachmentIsTheProviderTraceId() {
        RpcContext.getClientAttachment().setAttachment(FacadeTraceFilter.ATTACHMENT_KEY, "caller-trace-42");
        assertThat(facade.traceId().getData()).isEqualTo("caller-trace-42");
        ILoggingEvent line = logs.single("call=OrderTestFacadeImpl.traceId");
        assertThat(line.getMDCPropertyMap()).containsEntry(TraceId.KEY, "caller-trace-42");
    }

    @Test
    void forgedTraceIdIsReplacedByANewOne() {
        RpcContext.getClientAttachment().setAttachment(FacadeTraceFilter.ATTACHMENT_KEY, "x\r\ny ${jndi:ldap://a}");
        String seen = facade.traceId().getData();
        assertThat(TraceId.isValid(seen)).isTrue();
        assertThat(seen).doesNotContain("jndi");
    }

    @Test
    void withoutAttachmentTheProviderGeneratesATraceId() {
        String first = facade.traceId().getData();
        String second = facade.traceId().getData();
        assertThat(TraceId.isValid(first)).isTrue();
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void providerLogMasksSensitiveValuesAndStaysOnOneLine() {
        CreateOrderRequest request = CreateOrderRequest.valid();
        request.setNote("a\r\ncall=Forged success=true 13812345678");
        assertThat(facade.echo(request).getData()).isEqualTo(request.getNote());
        facade.bindMobile("13912345678");
        assertThat(logs.messages()).hasSize(2).allSatisfy(line -> {
            assertThat(line).doesNotContain("\r", "\n", "13912345678", "11010519491231002X");
            assertThat(CapturedLogs.RAW_ID_CARD.matcher(line).find()).isFalse();
        });
        // The phone inside the free-text note is not a @Sensitive field: it is the caller's to avoid.
        assertThat(logs.messages().get(1)).doesNotContain("13912345678");
        assertThat(CapturedLogs.RAW_MOBILE.matcher(logs.messages().get(1)).find()).isFalse();
    }

    private static void assertInvalid(SingleResponse<String> response, String message) {
        assertThat(response.isSuccess()).isFalse();
        assertThat(response.getCode()).isEqualTo("PARAM_INVALID");
        assertThat(response.getMessage()).isEqualTo(message);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ProviderApp {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ConsumerApp {

        @Bean
        @DubboReference(check = false)
        ReferenceBean<OrderTestFacade> orderTestFacade() {
            return new ReferenceBean<>();
        }
    }
}
