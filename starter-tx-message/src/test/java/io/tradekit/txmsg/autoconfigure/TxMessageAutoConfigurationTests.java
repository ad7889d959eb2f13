package io.tradekit.txmsg.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.devservices.spring.DevServicesInitializer;
import io.tradekit.txmsg.LocalTransactionHandler;
import io.tradekit.txmsg.TransactionOutcome;
import io.tradekit.txmsg.TransactionalMessageTemplate;
import io.tradekit.txmsg.consumer.ConsumerContainer;
import io.tradekit.txmsg.consumer.IdempotencyStore;
import io.tradekit.txmsg.consumer.JdbcIdempotencyStore;
import io.tradekit.txmsg.consumer.MessageContext;
import io.tradekit.txmsg.consumer.TransactionalMessageConsumer;
import io.tradekit.txmsg.support.HandlerRegistry;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradekit.txmsg.TransactionalSendResult;
import io.tradekit.txmsg.support.TxMessageMetrics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.Ordered;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which beans the auto-configuration creates, and how it fails. */
@ExtendWith(OutputCaptureExtension.class)
class TxMessageAutoConfigurationTests {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TxMessageAutoConfiguration.class));

    final ApplicationContextRunner withBroker = runner
            .withInitializer(new DevServicesInitializer())
            .withPropertyValues("tradekit.dev-services.rocketmq.enabled=true",
                    "tradekit.txmsg.producer-group=txmsg-autoconf-producer");

    static class Noop implements LocalTransactionHandler<String> {
        final String scene;

        Noop(String scene) {
            this.scene = scene;
        }

        @Override
        public String scene() {
            return scene;
        }

        @Override
        public TransactionOutcome execute(String payload) {
            return TransactionOutcome.COMMIT;
        }

        @Override
        public TransactionOutcome check(String payload) {
            return TransactionOutcome.COMMIT;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoScenes {
        @Bean
        Noop create() {
            return new Noop("ORDER_CREATE");
        }

        @Bean
        Noop cancel() {
            return new Noop("ORDER_CANCEL");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SameSceneTwice {
        @Bean
        Noop one() {
            return new Noop("ORDER_CREATE");
        }

        @Bean
        Noop two() {
            return new Noop("ORDER_CREATE");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OneConsumer {
        @Bean
        TransactionalMessageConsumer<String> consumer() {
            return new TransactionalMessageConsumer<>("txmsg-autoconf-topic", "txmsg-autoconf-group", String.class) {
                @Override
                protected void consume(String payload, MessageContext context) {
                    // not reached: no message is sent in these tests
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SendsMessages {
        @Bean
        Runnable orderDesk(TransactionalMessageTemplate template) {
            return () -> template.send("t", "ORDER_CREATE", "p");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MaySendMessages {
        @Bean
        Runnable reportDesk(ObjectProvider<TransactionalMessageTemplate> template) {
            return () -> template.ifAvailable(t -> t.send("t", "ORDER_CREATE", "p"));
        }
    }

    /** Records its call and the producer's state; sets a compression threshold from its order. */
    record Customizer(List<String> calls, String name, int order) implements TxMessageProducerCustomizer, Ordered {
        @Override
        public void customize(TransactionMQProducer producer) {
            calls.add(name + ":" + producer.getDefaultMQProducerImpl().getServiceState());
            producer.setCompressMsgBodyOverHowmuch(order * 1024);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }

    @Test
    void withANameServerTheTemplateAndTheProducerOfTheConfiguredGroupExist() {
        withBroker.withUserConfiguration(TwoScenes.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(TransactionalMessageTemplate.class);
            assertThat(context.getBean(TransactionMQProducer.class).getProducerGroup()).isEqualTo("txmsg-autoconf-producer");
            assertThat(context.getBean(HandlerRegistry.class).scenes())
                    .containsExactlyInAnyOrder("ORDER_CREATE", "ORDER_CANCEL");
            assertThat(context).doesNotHaveBean(ConsumerContainer.class);
        });
    }

    @Test
    void withoutANameServerAHandlerBeanFailsStartUpNamingItAndTheKeyToSet() {
        runner.withUserConfiguration(TwoScenes.class).run(context -> assertThat(context).hasFailed().getFailure()
                .hasMessageContaining("bean 'create' (" + Noop.class.getName() + ", a LocalTransactionHandler) uses "
                        + "tradekit transactional messages, but no RocketMQ name server is configured: set "
                        + "rocketmq.name-server (or tradekit.txmsg.name-server)")
                .hasMessageContaining("tradekit.txmsg.enabled=false"));
    }

    @Test
    void aNegativeUndecidedWindowFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("tradekit.txmsg.check.undecided-window=-1s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("tradekit.txmsg.check.undecided-window must be 0 or positive"));
        runner.withPropertyValues("tradekit.txmsg.check.undecided-window=0s").run(context ->
                assertThat(context.getBean(TxMessageProperties.class).getCheck().getUndecidedWindow()).isZero());
    }

    @Test
    void withoutANameServerAnInjectedTemplateFailsStartUpNamingTheBean() {
        runner.withUserConfiguration(SendsMessages.class).run(context -> assertThat(context).hasFailed().getFailure()
                .hasMessageContaining("bean 'orderDesk' (java.lang.Runnable, @Bean method orderDesk, parameter 0, "
                        + "injects TransactionalMessageTemplate) uses tradekit transactional messages")
                .hasMessageContaining("set rocketmq.name-server"));
    }

    @Test
    void withoutTheRocketMqClientAConsumerBeanFailsStartUpNamingWhatToAdd() {
        runner.withClassLoader(new FilteredClassLoader(TransactionMQProducer.class))
                .withPropertyValues("rocketmq.name-server=127.0.0.1:9876")
                .withUserConfiguration(OneConsumer.class)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("bean 'consumer' (")
                        .hasMessageContaining("a TransactionalMessageConsumer) uses tradekit transactional messages, "
                                + "but the RocketMQ client (org.apache.rocketmq.client.producer.TransactionMQProducer) is "
                                + "not on the classpath: add org.apache.rocketmq:rocketmq-client"));
    }

    @Test
    void unusedAndUnconfiguredTheStarterStaysOutOfTheWay() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TransactionalMessageTemplate.class)
                .doesNotHaveBean(TransactionMQProducer.class));
        runner.withClassLoader(new FilteredClassLoader(TransactionMQProducer.class)).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(TransactionalMessageTemplate.class));
    }

    @Test
    void disabledCreatesNothingAndOneWarningNamesTheBeansThatUseIt(CapturedOutput output) {
        runner.withPropertyValues("tradekit.txmsg.enabled=false")
                .withUserConfiguration(TwoScenes.class, MaySendMessages.class).run(context ->
                        assertThat(context).hasNotFailed().doesNotHaveBean(TransactionalMessageTemplate.class)
                                .doesNotHaveBean(TransactionMQProducer.class));
        assertThat(output.getOut()).containsOnlyOnce("tradekit.txmsg.enabled=false: transactional messages are off, "
                        + "yet bean 'create'")
                .containsOnlyOnce("bean 'cancel' (" + Noop.class.getName() + ", a LocalTransactionHandler)")
                .containsOnlyOnce("bean 'reportDesk' (java.lang.Runnable, @Bean method reportDesk, parameter 0, "
                        + "injects TransactionalMessageTemplate)");
    }

    @Test
    void disabledAndUnusedIsSilent(CapturedOutput output) {
        runner.withPropertyValues("tradekit.txmsg.enabled=false").run(context -> assertThat(context).hasNotFailed());
        assertThat(output.getOut()).doesNotContain("tradekit.txmsg.enabled=false");
    }

    @Test
    void oneMetricsBeanCountsSendsInTheApplicationsRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        withBroker.withUserConfiguration(TwoScenes.class).withBean(MeterRegistry.class, () -> registry).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(TxMessageMetrics.class);
            TransactionalSendResult sent = context.getBean(TransactionalMessageTemplate.class)
                    .send("txmsg-autoconf-topic", "ORDER_CREATE", "payload");
            assertThat(sent.committed()).isTrue();
            assertThat(registry.counter("tradekit.txmsg.send", "scene", "ORDER_CREATE", "outcome", "COMMIT").count())
                    .isEqualTo(1.0);
        });
        withBroker.withUserConfiguration(TwoScenes.class).run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(TxMessageMetrics.class));
    }

    @Test
    void customizersAdjustTheProducerInOrderBeforeItStarts() {
        List<String> calls = new CopyOnWriteArrayList<>();
        withBroker.withUserConfiguration(TwoScenes.class)
                .withBean("second", TxMessageProducerCustomizer.class, () -> new Customizer(calls, "second", 2))
                .withBean("first", TxMessageProducerCustomizer.class, () -> new Customizer(calls, "first", 1))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    TransactionMQProducer producer = context.getBean(TransactionMQProducer.class);
                    assertThat(calls).containsExactly("first:CREATE_JUST", "second:CREATE_JUST");
                    assertThat(producer.getCompressMsgBodyOverHowmuch()).isEqualTo(2 * 1024);
                    assertThat(producer.getNamesrvAddr()).isEqualTo(context.getEnvironment().getProperty("rocketmq.name-server"));
                    assertThat(context.getBean(TransactionalMessageTemplate.class)
                            .send("txmsg-autoconf-topic", "ORDER_CANCEL", "payload").committed()).isTrue();
                });
    }

    @Test
    void aCustomizerThatReplacesTheTransactionListenerFailsStartUp() {
        withBroker.withUserConfiguration(TwoScenes.class)
                .withBean(TxMessageProducerCustomizer.class, () -> producer -> producer.setTransactionListener(null))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("replaced the transaction listener"));
    }

    @Test
    void twoHandlersForOneSceneFailStartUp() {
        withBroker.withUserConfiguration(SameSceneTwice.class).run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("Two LocalTransactionHandlers for scene ORDER_CREATE"));
    }

    @Test
    void consumersWithoutAnIdempotencyStoreFailStartUp() {
        withBroker.withUserConfiguration(OneConsumer.class).run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("need an IdempotencyStore"));
    }

    @Test
    void aDataSourceGivesTheJdbcStoreAndTheConsumersStart() {
        withBroker.withUserConfiguration(OneConsumer.class)
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:txmsg-autoconf;DB_CLOSE_DELAY=-1",
                        "tradekit.txmsg.idempotency.create-table=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(JdbcIdempotencyStore.class)
                            .hasSingleBean(ConsumerContainer.class);
                    assertThat(context.getBean(ConsumerContainer.class).isRunning()).isTrue();
                });
    }

    @Test
    void userStoreReplacesTheJdbcStore() {
        IdempotencyStore mine = (group, key, work) -> {
            work.run();
            return true;
        };
        withBroker.withUserConfiguration(OneConsumer.class)
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:txmsg-autoconf2;DB_CLOSE_DELAY=-1")
                .withBean(IdempotencyStore.class, () -> mine)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(JdbcIdempotencyStore.class);
                    assertThat(context.getBean(IdempotencyStore.class)).isSameAs(mine);
                });
    }
}
