package io.tradekit.sso.web;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Puts the route interceptor in front of Spring Boot Actuator's endpoints too.
 *
 * <p>Why: interceptors registered through {@code WebMvcConfigurer#addInterceptors} reach only the
 * handler mappings Spring MVC's configuration builds; Actuator maps its endpoints with handler mappings
 * of its own ({@code WebMvcEndpointHandlerMapping} and friends), which never see them. Without this,
 * "every path needs a login" silently stops at {@code /actuator/**}: {@code /actuator/metrics},
 * {@code /actuator/env} or a heap dump would answer anonymous callers. Actuator's mappings carry no
 * interceptors of their own, so the rules run first there as they do everywhere else.
 *
 * <p>Not covered: a management server on a port of its own ({@code management.server.port}) runs
 * in a child context this post-processor does not reach; keep that port off the public network.
 */
public final class ActuatorRouteGuard implements InstantiationAwareBeanPostProcessor {

    private static final String ACTUATOR_PACKAGE = "org.springframework.boot.actuate.";

    private final ObjectProvider<SsoRouteInterceptor> interceptor;

    /** @param interceptor the application's route interceptor, resolved when the first endpoint mapping is built */
    public ActuatorRouteGuard(ObjectProvider<SsoRouteInterceptor> interceptor) {
        this.interceptor = interceptor;
    }

    /**
     * Right after instantiation, because a handler mapping adapts its interceptor list once, when it
     * receives the application context — which happens before any ordinary before-initialization
     * post-processor runs.
     */
    @Override
    public boolean postProcessAfterInstantiation(Object bean, String beanName) throws BeansException {
        if (bean instanceof AbstractHandlerMapping mapping && isActuatorMapping(mapping)) {
            mapping.setInterceptors(new MappedInterceptor(new String[] {"/**"}, interceptor.getObject()));
        }
        return true;
    }

    static boolean isActuatorMapping(AbstractHandlerMapping mapping) {
        for (Class<?> type = mapping.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().startsWith(ACTUATOR_PACKAGE)) {
                return true;
            }
        }
        return false;
    }
}
