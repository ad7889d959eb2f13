package io.tradekit.remote.dubbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.core.trace.TraceId;
import io.tradekit.remote.RemoteCallException;
import io.tradekit.remote.RemoteCallLogger;
import io.tradekit.remote.RemoteCallWrapper;
import io.tradekit.facade.dubbo.api.CreateOrderRequest;
import io.tradekit.facade.dubbo.api.OrderTestFacade;
import io.tradekit.facade.dubbo.provider.OrderTestFacadeImpl;
import io.tradekit.facade.support.CapturedLogs;
import java.util.List;
import java.util.stream.Stream;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Both sides for real: a @Facade provider context and a consumer context using RemoteCallWrapper
 * and the consumer filter, in one JVM, over the Dubbo protocol with the ZooKeeper dev service.
 */
class RemoteCallOverDubboIntegrationTests {

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
        "dubbo.consumer.scope=remote",
        "dubbo.consumer.timeout=15000",
        "dubbo.consumer.retries=0",
    };

    private static ConfigurableApplicationContext provider;
    private static ConfigurableApplicationContext consumer;
    private static OrderTestFacade facade;
    private static UnexportedFacade unexported;

    private CapturedLogs callerLogs;
    private CapturedLogs providerLogs;

    @BeforeAll
    static void start() {
        provider = new SpringApplicationBuilder(ProviderApp.class).web(WebApplicationType.NONE)
                .properties(COMMON).properties("dubbo.application.name=remote-it-provider",
                        "dubbo.scan.base-packages=" + OrderTestFacadeImpl.class.getPackageName())
                .run();
        consumer = new SpringApplicationBuilder(ConsumerApp.class).web(WebApplicationType.NONE)
                .properties(COMMON).properties("dubbo.application.name=remote-it-consumer")
                .run();
        facade = consumer.getBean(OrderTestFacade.class);
        unexported = consumer.getBean(UnexportedFacade.class);
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
        MDC.clear();
        callerLogs = CapturedLogs.of(RemoteCallLogger.LOGGER_NAME);
        providerLogs = CapturedLogs.of("tradekit.facade");
    }

    @AfterEach
    void release() {
        callerLogs.close();
        providerLogs.close();
    }

    @Test
    void consumerAndProviderLogTheSameTraceId() {
        try (TraceId.Scope scope = TraceId.open("order-flow-1")) {
            SingleResponse<String> response = RemoteCallWrapper.call(facade::create, CreateOrderRequest.valid(), "createOrder");
            assertThat(response.getData()).isEqualTo("order-b-1");
        }
        ILoggingEvent callerLine = callerLogs.single("call=createOrder");
        ILoggingEvent providerLine = providerLogs.single("call=OrderTestFacadeImpl.create");
        assertThat(callerLine.getMDCPropertyMap()).containsEntry(TraceId.KEY, "order-flow-1");
        assertThat(providerLine.getMDCPropertyMap()).containsEntry(TraceId.KEY, "order-flow-1");
    }

    @Test
    void filterCreatesATraceIdWhenTheCallerHasNoneAndBothSidesShareIt() {
        String providerSeen = facade.traceId().getData();
        assertThat(TraceId.isValid(providerSeen)).isTrue();
        assertThat(callerLogs.single("call=OrderTestFacade.traceId").getMDCPropertyMap())
                .containsEntry(TraceId.KEY, providerSeen);
        assertThat(providerLogs.single("call=OrderTestFacadeImpl.traceId").getMDCPropertyMap())
                .containsEntry(TraceId.KEY, providerSeen);
        assertThat(MDC.get(TraceId.KEY)).as("the filter's own id is removed after the call").isNull();
    }

    @Test
    void wrapperThrowsWithTheRemoteCodeWhenTheProviderSaysNo() {
        CreateOrderRequest invalid = CreateOrderRequest.valid();
        invalid.setBuyerId("");
        assertThatThrownBy(() -> RemoteCallWrapper.call(facade::create, invalid, "createOrder"))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.getRemoteCode()).isEqualTo("PARAM_INVALID");
                    assertThat(e.getRemoteMessage()).isEqualTo("request.buyerId: must not be blank");
                    assertThat(e.getCode()).isEqualTo("REMOTE_CALL_FAILED");
                });
        assertThatThrownBy(() -> RemoteCallWrapper.call(facade::misbehave, "biz", "misbehave"))
                .isInstanceOfSatisfying(RemoteCallException.class,
                        e -> assertThat(e.getRemoteCode()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void providerNullPointerReachesTheCallerAsACodeOnly() {
        assertThatThrownBy(() -> RemoteCallWrapper.call(facade::misbehave, "npe", "misbehave"))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.getRemoteCode()).isEqualTo("SYSTEM_ERROR");
                    assertThat(e.getRemoteMessage()).doesNotContain("NullPointer", "at io.", "OrderTestFacadeImpl");
                    assertThat(e.getCause()).isNull();
                });
        assertThat(callerLogs.messages()).allSatisfy(line -> assertThat(line).doesNotContain("NullPointer"));
    }

    @Test
    void wrappedCallIsLoggedOnceAndPlainReferenceCallsByTheFilter() {
        RemoteCallWrapper.call(facade::create, CreateOrderRequest.valid(), "createOrder");
        facade.find("o-1", 2);
        List<String> lines = callerLogs.messages();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("call=createOrder success=true code=SUCCESS");
        assertThat(lines.get(1)).matches("call=OrderTestFacade\\.find success=true code=SUCCESS elapsedMs=\\d+ "
                + "request=\\[\"o-1\",2\\] response=\\{.*\"data\":\"o-1x2\".*\\}");
    }

    @Test
    void callerLogsNeverShowSensitiveValuesRawNorSplitLines() {
        CreateOrderRequest request = CreateOrderRequest.valid();
        request.setNote("a\r\ncall=Forged success=true");
        RemoteCallWrapper.call(facade::echo, request, "echo");
        facade.create(CreateOrderRequest.valid());
        facade.bindMobile("13912345678");
        assertThat(Stream.concat(callerLogs.messages().stream(), providerLogs.messages().stream()).toList())
                .hasSize(6).allSatisfy(line -> {
                    assertThat(line).doesNotContain("\r", "\n", "13812345678", "13912345678", "11010519491231002X");
                    assertThat(CapturedLogs.RAW_MOBILE.matcher(line).find()).as(line).isFalse();
                    assertThat(CapturedLogs.RAW_ID_CARD.matcher(line).find()).as(line).isFalse();
                });
    }

    @Test
    void dubboFailureBecomesRemoteCallFailedWithTheCause() {
        assertThatThrownBy(() -> RemoteCallWrapper.call(unexported::ping, "hi", "ping"))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("REMOTE_CALL_FAILED");
                    assertThat(e.getCause()).isInstanceOf(RpcException.class);
                });
        assertThat(callerLogs.single("call=ping").getFormattedMessage()).contains("error=org.apache.dubbo.rpc.RpcException");
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

        @Bean
        @DubboReference(check = false)
        ReferenceBean<UnexportedFacade> unexportedFacade() {
            return new ReferenceBean<>();
        }
    }
}
