package io.tradekit.stock.autoconfigure;

import io.tradekit.core.spring.InjectingBeans;
import io.tradekit.stock.StockService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Fails the start-up when a bean injects a {@link StockService} that cannot exist because Lettuce is
 * not on the classpath; with {@code tradekit.stock.enabled=false} logs one WARN naming those beans.
 * Runs on bean definitions, before any bean is created.
 */
final class StockUsageGuard implements BeanFactoryPostProcessor {

    static final String LETTUCE_CLASS = "io.lettuce.core.RedisClient";

    private static final Logger log = LoggerFactory.getLogger(StockUsageGuard.class);

    private final Environment environment;

    /** Creates the guard reading {@code tradekit.stock.enabled} from the environment. */
    StockUsageGuard(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        boolean enabled = environment.getProperty("tradekit.stock.enabled", Boolean.class, true);
        boolean lettuce = ClassUtils.isPresent(LETTUCE_CLASS, beanFactory.getBeanClassLoader());
        if (enabled && lettuce || beanFactory.getBeanNamesForType(StockService.class, true, false).length > 0) {
            return; // the starter's service, or the application's own
        }
        List<InjectingBeans.Found> users = InjectingBeans.find(beanFactory, StockService.class);
        if (users.isEmpty()) {
            return;
        }
        if (!enabled) {
            log.warn("tradekit.stock.enabled=false: there is no StockService, yet {} inject one (stock deductions "
                    + "there cannot run; a required injection fails the start-up)",
                    users.stream().map(InjectingBeans.Found::describe).collect(Collectors.joining(", ")));
            return;
        }
        throw new IllegalStateException(users.get(0).describe() + " injects a StockService, but Lettuce ("
                + LETTUCE_CLASS + ") is not on the classpath: add io.lettuce:lettuce-core (the "
                + "tradekit-stock-lua-spring-boot-starter brings it; was it excluded?), declare your own StockService "
                + "bean, or set tradekit.stock.enabled=false to run without stock deductions");
    }
}
