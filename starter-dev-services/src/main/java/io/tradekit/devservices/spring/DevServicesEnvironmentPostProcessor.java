package io.tradekit.devservices.spring;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the dev servers a Spring Boot application asks for ({@code tradekit.dev-services.*})
 * before any bean is created, and points {@code spring.data.redis.*}, Redisson,
 * {@code rocketmq.name-server} and {@code dubbo.registry.address} at them.
 *
 * <p>Runs after the application's config files are loaded, so {@code application.yml} and
 * profiles decide. Registered in {@code META-INF/spring.factories}.
 */
public class DevServicesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** After config data, so properties from application.yml and profiles are visible. */
    public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 10;

    private final Log log;

    /** Spring Boot passes the factory; its logs are replayed once logging is initialised. */
    public DevServicesEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DevServicesEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        new DevServicesContributor(application.getClassLoader(), log).contribute(environment);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
