package io.tradekit.devservices.spring;

import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@link DevServicesEnvironmentPostProcessor} for contexts built without
 * {@code SpringApplication}, where environment post-processors never run.
 *
 * <pre>{@code
 * new ApplicationContextRunner()
 *         .withInitializer(new DevServicesInitializer())
 *         .withPropertyValues("tradekit.dev-services.redis.enabled=true")
 * }</pre>
 */
public class DevServicesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ClassLoader classLoader = context.getClassLoader() != null
                ? context.getClassLoader() : DevServicesInitializer.class.getClassLoader();
        new DevServicesContributor(classLoader, LogFactory.getLog(DevServicesInitializer.class)).contribute(context.getEnvironment());
    }
}
