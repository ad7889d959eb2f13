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
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which beans the auto-configuration creates, and how it fails. */
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
    void withoutANameServerStartUpFailsWithAClearMessage() {
        runner.run(context -> assertThat(context).hasFailed().getFailure()
                .hasStackTraceContaining("tradekit.txmsg needs a name server"));
    }

    @Test
    void disabledCreatesNothing() {
        runner.withPropertyValues("tradekit.txmsg.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(TransactionalMessageTemplate.class)
                        .doesNotHaveBean(TransactionMQProducer.class));
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
