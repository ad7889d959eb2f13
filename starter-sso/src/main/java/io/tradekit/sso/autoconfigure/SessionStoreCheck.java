package io.tradekit.sso.autoconfigure;

import cn.dev33.satoken.dao.SaTokenDao;
import io.tradekit.sso.SsoLoginService;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Fails the start-up when tokens and sessions would not live in Redis while the application uses the
 * starter (the route interceptor, or a bean injecting {@link SsoLoginService}).
 *
 * <p>Why: without a {@code SaTokenDao} bean Sa-Token silently keeps every token in a map of this JVM.
 * A second instance would then refuse the first one's logins, and a logout on one instance would not
 * reach the others: the token stays valid there. Checked on bean definitions, before any bean is
 * created, so the message names what to add instead of a bare "no bean of type ...".
 */
final class SessionStoreCheck implements BeanFactoryPostProcessor {

    static final String REDIS_CONNECTION_FACTORY = "org.springframework.data.redis.connection.RedisConnectionFactory";
    static final String REDIS_TEMPLATE_DAO = "cn.dev33.satoken.dao.SaTokenDaoForRedisTemplate";
    private static final String ROUTE_INTERCEPTOR = "io.tradekit.sso.web.SsoRouteInterceptor";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
        String missing = missingStore(beanFactory);
        if (missing == null) {
            return;
        }
        List<String> users = users(beanFactory);
        if (users.isEmpty()) {
            return;
        }
        throw new IllegalStateException("tradekit-sso keeps tokens and sessions in Redis so that every instance"
                + " shares them, but " + missing + " Without it Sa-Token keeps them in this JVM's memory: other"
                + " instances would refuse its logins and a logout here would not end the token there. Used by "
                + String.join(", ", users) + ". Set tradekit.sso.enabled=false only to run without any login check.");
    }

    /** What is missing for a Redis session store, or null when nothing is. */
    static String missingStore(ConfigurableListableBeanFactory beanFactory) {
        ClassLoader classLoader = beanFactory.getBeanClassLoader();
        if (!ClassUtils.isPresent(REDIS_CONNECTION_FACTORY, classLoader)) {
            return "Spring Data Redis is not on the classpath. Add org.springframework.boot:"
                    + "spring-boot-starter-data-redis (the starter brings it: is it excluded?).";
        }
        String[] daos = beanFactory.getBeanNamesForType(SaTokenDao.class, true, false);
        if (daos.length == 0) {
            if (!ClassUtils.isPresent(REDIS_TEMPLATE_DAO, classLoader)) {
                return "cn.dev33:sa-token-redis-template is not on the classpath. Add it (the starter brings it:"
                        + " is it excluded?).";
            }
            return "there is no SaTokenDao bean: the auto-configuration " + REDIS_TEMPLATE_DAO + " is excluded."
                    + " Remove it from spring.autoconfigure.exclude, or declare a SaTokenDao bean on a shared store.";
        }
        boolean redisTemplateDao = false;
        for (String name : daos) {
            Class<?> type = beanFactory.getType(name, false);
            redisTemplateDao |= type != null && type.getName().equals(REDIS_TEMPLATE_DAO);
        }
        if (redisTemplateDao && beanFactory.getBeanNamesForType(
                ClassUtils.resolveClassName(REDIS_CONNECTION_FACTORY, classLoader), true, false).length == 0) {
            return "there is no RedisConnectionFactory bean. Keep Spring Boot's RedisAutoConfiguration (configured"
                    + " by spring.data.redis.*), add redisson-spring-boot-starter, or declare a RedisConnectionFactory.";
        }
        return null;
    }

    /** The route interceptor and the beans whose constructor takes the {@link SsoLoginService}. */
    static List<String> users(ConfigurableListableBeanFactory beanFactory) {
        List<String> users = new ArrayList<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            Class<?> type;
            try {
                type = beanFactory.getType(name, false);
            } catch (RuntimeException | LinkageError e) {
                continue; // a bean whose type cannot be known without creating it: not ours to judge
            }
            if (type == null) {
                continue;
            }
            if (isRouteInterceptor(type)) {
                users.add("the route interceptor (bean '" + name + "': logins and route rules on every request)");
            } else if (injectsLoginService(type)) {
                users.add("bean '" + name + "' (" + type.getName() + ")");
            }
        }
        return users;
    }

    private static boolean isRouteInterceptor(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(ROUTE_INTERCEPTOR)) {
                return true;
            }
        }
        return false;
    }

    private static boolean injectsLoginService(Class<?> type) {
        try {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                for (Class<?> parameter : constructor.getParameterTypes()) {
                    if (SsoLoginService.class.isAssignableFrom(parameter)) {
                        return true;
                    }
                }
            }
        } catch (LinkageError e) {
            return false;
        }
        return false;
    }
}
