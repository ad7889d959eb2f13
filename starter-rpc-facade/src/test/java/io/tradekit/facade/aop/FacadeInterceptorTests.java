package io.tradekit.facade.aop;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.core.trace.TraceId;
import io.tradekit.facade.autoconfigure.FacadeAutoConfiguration;
import io.tradekit.facade.micrometer.MicrometerFacadeMetrics;
import io.tradekit.facade.dubbo.api.CreateOrderRequest;
import io.tradekit.facade.dubbo.api.OrderItem;
import io.tradekit.facade.dubbo.api.OrderTestFacade;
import io.tradekit.facade.dubbo.provider.OrderTestFacadeImpl;
import io.tradekit.facade.support.CapturedLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Behaviour of a @Facade call in a Spring context, without Dubbo (see FacadeOverDubboIntegrationTests for the RPC). */
class FacadeInterceptorTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, ValidationAutoConfiguration.class,
                    FacadeAutoConfiguration.class))
            .withUserConfiguration(ProviderConfig.class);

    private CapturedLogs logs;

    @BeforeEach
    void capture() {
        MDC.clear();
        logs = CapturedLogs.of(FacadeCallLogger.LOGGER_NAME);
    }

    @AfterEach
    void release() {
        logs.close();
    }

    private void withFacade(BiConsumer<OrderTestFacade, MeterRegistry> test) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            OrderTestFacade facade = context.getBean(OrderTestFacade.class);
            assertThat(AopUtils.isAopProxy(facade)).isTrue();
            test.accept(facade, context.getBean(MeterRegistry.class));
        });
    }

    @Test
    void validCallRunsTheBodyAndFillsSuccess() {
        withFacade((facade, meters) -> {
            int before = OrderTestFacadeImpl.BODY_RUNS.get();
            SingleResponse<String> response = facade.create(CreateOrderRequest.valid());
            assertThat(response.isSuccess()).isTrue();
            assertThat(response.getCode()).isEqualTo("SUCCESS");
            assertThat(response.getData()).isEqualTo("order-b-1");
            assertThat(OrderTestFacadeImpl.BODY_RUNS.get()).isEqualTo(before + 1);
        });
    }

    @Test
    void nullBeanArgumentIsParamInvalidAndTheBodyNeverRuns() {
        withFacade((facade, meters) -> {
            int before = OrderTestFacadeImpl.BODY_RUNS.get();
            SingleResponse<String> response = facade.create(null);
            assertInvalid(response, "request: must not be null");
            assertThat(OrderTestFacadeImpl.BODY_RUNS.get()).isEqualTo(before);
        });
    }

    @Test
    void blankFieldsAreNamedWithTheirPath() {
        withFacade((facade, meters) -> {
            CreateOrderRequest request = CreateOrderRequest.valid();
            request.setBuyerId(" ");
            request.setMobile("");
            assertInvalid(facade.create(request),
                    "request.buyerId: must not be blank; request.mobile: must not be blank");
        });
    }

    @Test
    void nestedValidBeansAndListElementsAreValidated() {
        withFacade((facade, meters) -> {
            CreateOrderRequest request = CreateOrderRequest.valid();
            request.setItem(new OrderItem("", 0));
            request.setExtras(List.of(new OrderItem("ok", 1), new OrderItem(null, 1)));
            assertInvalid(facade.create(request), "request.extras[1].itemId: must not be blank; "
                    + "request.item.itemId: must not be blank; request.item.quantity: must be greater than or equal to 1");
        });
    }

    @Test
    void hugeNumberOfViolationsIsCappedInTheMessage() {
        withFacade((facade, meters) -> {
            CreateOrderRequest request = CreateOrderRequest.valid();
            List<OrderItem> extras = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                extras.add(new OrderItem("", 0));
            }
            request.setExtras(extras);
            SingleResponse<String> response = facade.create(request);
            assertThat(response.getCode()).isEqualTo("PARAM_INVALID");
            assertThat(response.getMessage().split("; ")).hasSize(FacadeArgumentValidator.MAX_VIOLATIONS + 1);
            assertThat(response.getMessage()).endsWith("... and 980 more");
        });
    }

    @Test
    void validationGroupsOfTheAnnotationApply() {
        withFacade((facade, meters) -> {
            CreateOrderRequest request = CreateOrderRequest.valid();
            assertThat(facade.create(request).isSuccess()).as("Default group only").isTrue();
            assertInvalid(facade.createPremium(request), "request.couponCode: must not be blank");
            request.setCouponCode("C-1");
            assertThat(facade.createPremium(request).getData()).isEqualTo("premium-C-1");
        });
    }

    @Test
    void parameterConstraintsOnPlainArgumentsAreNamedByParameter() {
        withFacade((facade, meters) -> {
            assertInvalid(facade.find("", 0),
                    "orderId: must not be blank; quantity: must be greater than or equal to 1");
            assertInvalid(facade.find(null, 1), "orderId: must not be blank");
            assertThat(facade.find("o-1", 3).getData()).isEqualTo("o-1x3");
        });
    }

    @Test
    void bizExceptionBecomesItsCodeAndMessage() {
        withFacade((facade, meters) -> {
            SingleResponse<String> response = facade.misbehave("biz");
            assertThat(response.isSuccess()).isFalse();
            assertThat(response.getCode()).isEqualTo("NOT_FOUND");
            assertThat(response.getMessage()).isEqualTo("order o-9 does not exist");
            assertThat(logs.single("call=OrderTestFacadeImpl.misbehave").getLevel()).isEqualTo(Level.INFO);
        });
    }

    @Test
    void unexpectedExceptionBecomesSystemErrorWithoutDetailsAndIsLoggedWithItsStackTrace() {
        withFacade((facade, meters) -> {
            SingleResponse<String> response = facade.misbehave("npe");
            assertThat(response.getCode()).isEqualTo("SYSTEM_ERROR");
            assertThat(response.getMessage()).isEqualTo("An unexpected system error occurred.")
                    .doesNotContain("NullPointer").doesNotContain("at io.");
            ILoggingEvent event = logs.single("call=OrderTestFacadeImpl.misbehave");
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("error=java.lang.NullPointerException");
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(NullPointerException.class.getName());
        });
    }

    @Test
    void otherTradekitExceptionKeepsItsCodeButNotItsInternalMessage() {
        withFacade((facade, meters) -> {
            SingleResponse<String> response = facade.misbehave("system");
            assertThat(response.getCode()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(response.getMessage()).doesNotContain("10.0.0.7");
        });
    }

    @Test
    void nullResponseBecomesSystemError() {
        withFacade((facade, meters) -> {
            SingleResponse<String> response = facade.misbehave("null");
            assertThat(response).isNotNull();
            assertThat(response.getCode()).isEqualTo("SYSTEM_ERROR");
            assertThat(logs.single("call=OrderTestFacadeImpl.misbehave").getFormattedMessage())
                    .contains("error=null response");
        });
    }

    @Test
    void responseLeftWithoutCodeIsCompleted() {
        withFacade((facade, meters) -> {
            SingleResponse<String> success = facade.misbehave("no-code-success");
            assertThat(success.getCode()).isEqualTo("SUCCESS");
            assertThat(success.getMessage()).isEqualTo("The request succeeded.");
            assertThat(success.getData()).isEqualTo("done");
            SingleResponse<String> failure = facade.misbehave("no-code-failure");
            assertThat(failure.isSuccess()).isFalse();
            assertThat(failure.getCode()).isEqualTo("BIZ_ERROR");
        });
    }

    @Test
    void oneLineFormatIsStableForOperators() {
        withFacade((facade, meters) -> {
            facade.create(CreateOrderRequest.valid());
            facade.create(null);
            List<String> lines = logs.messages();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).matches("call=OrderTestFacadeImpl\\.create success=true code=SUCCESS "
                    + "elapsedMs=\\d+ request=\\[\\{.*\\}\\] response=\\{.*\"code\":\"SUCCESS\".*\\}");
            assertThat(lines.get(1)).matches("call=OrderTestFacadeImpl\\.create success=false code=PARAM_INVALID "
                    + "elapsedMs=\\d+ request=\\[null\\] response=\\{.*\\}");
        });
    }

    @Test
    void sensitiveFieldsAndParametersNeverReachTheLogRaw() {
        withFacade((facade, meters) -> {
            facade.create(CreateOrderRequest.valid());
            facade.bindMobile("13912345678");
            CreateOrderRequest invalid = CreateOrderRequest.valid();
            invalid.setBuyerId("");
            facade.create(invalid);
            assertThat(logs.messages()).hasSize(3).allSatisfy(line -> {
                assertThat(line).doesNotContain("13812345678", "13912345678", "11010519491231002X");
                assertThat(CapturedLogs.RAW_MOBILE.matcher(line).find()).as(line).isFalse();
                assertThat(CapturedLogs.RAW_ID_CARD.matcher(line).find()).as(line).isFalse();
            });
        });
    }

    @Test
    void lineBreaksInValuesDoNotSplitTheLogLine() {
        withFacade((facade, meters) -> {
            CreateOrderRequest request = CreateOrderRequest.valid();
            String forged = "x\r\ncall=Forged.method success=true code=SUCCESS\u2028y";
            request.setNote(forged);
            assertThat(facade.echo(request).getData()).isEqualTo(forged);
            assertThat(logs.messages()).singleElement().satisfies(line -> {
                assertThat(line).doesNotContain("\r", "\n", "\u2028");
                assertThat(line).contains("x\\r\\ncall=Forged.method");
            });
        });
    }

    @Test
    void expressionLookingTextIsDataNeverEvaluated() {
        withFacade((facade, meters) -> {
            for (String hostile : List.of("#{T(java.lang.Runtime).getRuntime().exec('id')}", "${jndi:ldap://x/a}",
                    "redis.call('FLUSHALL')", "#request.buyerId")) {
                CreateOrderRequest request = CreateOrderRequest.valid();
                request.setNote(hostile);
                assertThat(facade.echo(request).getData()).isEqualTo(hostile);
            }
        });
    }

    @Test
    void oversizedPayloadIsCutInTheLogButNotInTheResponse() {
        withFacade((facade, meters) -> {
            CreateOrderRequest request = CreateOrderRequest.valid();
            request.setNote("n".repeat(90_000));
            assertThat(facade.echo(request).getData()).hasSize(90_000);
            String line = logs.messages().get(0);
            assertThat(line.length()).isLessThan(2 * 2048 + 400);
            assertThat(line).contains("truncated");
        });
    }

    @Test
    void traceIdIsCreatedForTheCallAndRemovedAfter() {
        withFacade((facade, meters) -> {
            String seen = facade.traceId().getData();
            assertThat(TraceId.isValid(seen)).isTrue();
            assertThat(TraceId.current()).isNull();
            assertThat(logs.single("call=OrderTestFacadeImpl.traceId").getMDCPropertyMap())
                    .containsEntry(TraceId.KEY, seen);
        });
    }

    @Test
    void traceIdAlreadyInTheMdcIsKept() {
        withFacade((facade, meters) -> {
            try (TraceId.Scope scope = TraceId.open("outer-trace-1")) {
                assertThat(facade.traceId().getData()).isEqualTo("outer-trace-1");
                assertThat(TraceId.current()).isEqualTo("outer-trace-1");
            }
        });
    }

    @Test
    void timerIsRecordedPerServiceMethodSuccessAndCode() {
        withFacade((facade, meters) -> {
            facade.create(CreateOrderRequest.valid());
            facade.create(CreateOrderRequest.valid());
            facade.create(null);
            Timer ok = meters.find(MicrometerFacadeMetrics.TIMER_NAME).tags("service", "OrderTestFacadeImpl", "method", "create",
                    "success", "true", "code", "SUCCESS").timer();
            Timer invalid = meters.find(MicrometerFacadeMetrics.TIMER_NAME).tags("method", "create", "success", "false",
                    "code", "PARAM_INVALID").timer();
            assertThat(ok).isNotNull();
            assertThat(ok.count()).isEqualTo(2);
            assertThat(invalid).isNotNull();
            assertThat(invalid.count()).isEqualTo(1);
        });
    }

    @Test
    void slowCallsAreLoggedAtWarn() {
        runner.withPropertyValues("tradekit.facade.slow-threshold=0ms").run(context -> {
            context.getBean(OrderTestFacade.class).find("o-1", 1);
            assertThat(logs.single("call=OrderTestFacadeImpl.find").getLevel()).isEqualTo(Level.WARN);
        });
    }

    @Test
    void payloadCanBeLeftOutOfTheLine() {
        runner.withPropertyValues("tradekit.facade.log-payload=false").run(context -> {
            context.getBean(OrderTestFacade.class).create(CreateOrderRequest.valid());
            assertThat(logs.messages()).singleElement().asString()
                    .matches("call=OrderTestFacadeImpl\\.create success=true code=SUCCESS elapsedMs=\\d+");
        });
    }

    @Test
    void concurrentCallsEachGetTheirOwnOutcomeAndTraceId() {
        withFacade((facade, meters) -> {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<String>>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        List<String> traceIds = new ArrayList<>();
                        for (int i = 0; i < 100; i++) {
                            CreateOrderRequest request = CreateOrderRequest.valid();
                            request.setBuyerId(i % 3 == 0 ? "" : "b" + thread + "-" + i);
                            SingleResponse<String> response = facade.create(request);
                            if (i % 3 == 0) {
                                assertThat(response.getCode()).isEqualTo("PARAM_INVALID");
                            } else {
                                assertThat(response.getData()).isEqualTo("order-b" + thread + "-" + i);
                            }
                            traceIds.add(facade.traceId().getData());
                            assertThat(MDC.get(TraceId.KEY)).isNull();
                        }
                        return traceIds;
                    }));
                }
                List<String> all = new ArrayList<>();
                for (Future<List<String>> future : futures) {
                    all.addAll(future.get(60, TimeUnit.SECONDS));
                }
                assertThat(all).hasSize(800).doesNotHaveDuplicates();
                assertThat(meters.find(MicrometerFacadeMetrics.TIMER_NAME).tag("method", "create").timers().stream()
                        .mapToLong(Timer::count).sum()).isEqualTo(800);
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                pool.shutdownNow();
            }
        });
    }

    private static void assertInvalid(SingleResponse<String> response, String message) {
        assertThat(response.isSuccess()).isFalse();
        assertThat(response.getCode()).isEqualTo("PARAM_INVALID");
        assertThat(response.getMessage()).isEqualTo(message);
        assertThat(response.getData()).isNull();
    }

    @Configuration(proxyBeanMethods = false)
    static class ProviderConfig {

        @Bean
        OrderTestFacadeImpl orderTestFacade() {
            return new OrderTestFacadeImpl();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
