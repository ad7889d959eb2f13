package io.tradekit.txmsg.autoconfigure;

import io.tradekit.core.spring.InjectingBeans;
import io.tradekit.txmsg.LocalTransactionHandler;
import io.tradekit.txmsg.TransactionalMessageTemplate;
import io.tradekit.txmsg.consumer.DeadLetterHandler;
import io.tradekit.txmsg.consumer.TransactionalMessageConsumer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Fails the start-up when the application uses transactional messages (a handler, consumer or
 * dead-letter handler bean, or a bean injecting {@link TransactionalMessageTemplate}) but the RocketMQ
 * client is not on the classpath or no name server is configured; with {@code tradekit.txmsg.enabled=false}
 * logs one WARN naming those beans. Runs on bean definitions, before any bean is created.
 */
final class TxMessageUsageGuard implements BeanFactoryPostProcessor {

    static final String CLIENT_CLASS = "org.apache.rocketmq.client.producer.TransactionMQProducer";
    private static final List<Class<?>> USER_TYPES = List.of(LocalTransactionHandler.class,
            TransactionalMessageConsumer.class, DeadLetterHandler.class);

    private static final Logger log = LoggerFactory.getLogger(TxMessageUsageGuard.class);

    private final Environment environment;

    TxMessageUsageGuard(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        boolean enabled = environment.getProperty("tradekit.txmsg.enabled", Boolean.class, true);
        boolean client = ClassUtils.isPresent(CLIENT_CLASS, beanFactory.getBeanClassLoader());
        boolean nameServer = NameServer.address(environment) != null;
        if (enabled && client && nameServer) {
            return;
        }
        List<String> users = users(beanFactory);
        if (users.isEmpty()) {
            return;
        }
        if (!enabled) {
            log.warn("tradekit.txmsg.enabled=false: transactional messages are off, yet {} use them: no half message "
                    + "is sent, no local transaction runs through one, consumers and dead-letter hooks receive nothing "
                    + "(a required TransactionalMessageTemplate injection fails the start-up)", String.join(", ", users));
            return;
        }
        String cause = !client
                ? "the RocketMQ client (" + CLIENT_CLASS + ") is not on the classpath: add "
                        + "org.apache.rocketmq:rocketmq-client (tradekit-tx-message-spring-boot-starter brings it; was it excluded?)"
                : "no RocketMQ name server is configured: set " + NameServer.ROCKETMQ_KEY + " (or " + NameServer.OWN_KEY
                        + ") to host:port[;host:port]";
        throw new IllegalStateException(users.get(0) + " uses tradekit transactional messages, but " + cause
                + ", or set tradekit.txmsg.enabled=false to run without them");
    }

    /** The beans using the starter, in bean-definition order. */
    private static List<String> users(ConfigurableListableBeanFactory beanFactory) {
        List<String> order = Arrays.asList(beanFactory.getBeanDefinitionNames());
        record Use(String beanName, String description) {
        }
        List<Use> uses = new ArrayList<>();
        for (Class<?> type : USER_TYPES) {
            for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
                Class<?> beanType = beanFactory.getType(name, false);
                String className = beanType == null ? "" : ClassUtils.getUserClass(beanType).getName() + ", ";
                uses.add(new Use(name, "bean '" + name + "' (" + className + "a " + type.getSimpleName() + ")"));
            }
        }
        for (InjectingBeans.Found found : InjectingBeans.find(beanFactory, TransactionalMessageTemplate.class)) {
            uses.add(new Use(found.beanName(), found.describe().replaceFirst("\\)$", ", injects TransactionalMessageTemplate)")));
        }
        return uses.stream().sorted(Comparator.comparingInt(use -> order.indexOf(use.beanName())))
                .map(Use::description).distinct().collect(Collectors.toList());
    }
}
