package io.tradekit.cache.autoconfigure;

import com.alicp.jetcache.anno.CacheConsts;
import com.alicp.jetcache.anno.CacheType;
import com.alicp.jetcache.anno.Cached;
import com.alicp.jetcache.anno.CreateCache;
import io.tradekit.core.aop.InterceptableMethods;
import io.tradekit.core.spring.AnnotatedBeanMethods;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A bean method ({@code @Cached}) or field ({@code @CreateCache}) that declares a cache needing the
 * remote level: {@code REMOTE} or {@code BOTH}, JetCache's default being {@code REMOTE}.
 *
 * @param beanName the bean declaring it
 * @param where    the method ({@code Type#name(Params)}) or field ({@code Type.field})
 * @param cache    the cache's name, empty when JetCache derives it
 * @param type     {@code REMOTE} or {@code BOTH}
 */
record RemoteCacheUse(String beanName, String where, String cache, CacheType type) {

    /** For a message: {@code UserService#get(long) (bean 'userService', BOTH cache 'userCache')}. */
    String describe() {
        return where + " (bean '" + beanName + "', " + type + " cache" + (cache.isEmpty() ? "" : " '" + cache + "'") + ")";
    }

    /**
     * Every such declaration, in bean-definition order, read from the bean definitions' types without
     * creating a bean.
     */
    static List<RemoteCacheUse> find(ConfigurableListableBeanFactory beanFactory) {
        List<RemoteCacheUse> uses = new ArrayList<>();
        for (AnnotatedBeanMethods.Found found : AnnotatedBeanMethods.find(beanFactory, Cached.class)) {
            Cached cached = AnnotatedElementUtils.findMergedAnnotation(found.method(), Cached.class);
            if (cached != null && cached.cacheType() != CacheType.LOCAL) {
                uses.add(new RemoteCacheUse(found.beanName(), InterceptableMethods.describe(found.method()),
                        name(cached.name()), cached.cacheType()));
            }
        }
        // @CreateCache is deprecated and needs @EnableCreateCacheAnnotation, but a field carrying one
        // still says the application counts on a remote cache.
        for (String beanName : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = typeOf(beanFactory, beanName);
            if (type == null || type.getName().startsWith("org.springframework.")) {
                continue;
            }
            ReflectionUtils.doWithFields(ClassUtils.getUserClass(type), field -> {
                CreateCache created = field.getAnnotation(CreateCache.class);
                if (created != null && created.cacheType() != CacheType.LOCAL) {
                    uses.add(new RemoteCacheUse(beanName, field.getDeclaringClass().getName() + "." + field.getName(),
                            name(created.name()), created.cacheType()));
                }
            });
        }
        return uses;
    }

    private static String name(String name) {
        return name == null || CacheConsts.isUndefined(name) ? "" : name.strip();
    }

    private static Class<?> typeOf(ConfigurableListableBeanFactory beanFactory, String name) {
        try {
            return beanFactory.getType(name, false);
        } catch (RuntimeException | LinkageError unresolvable) {
            // A definition whose class cannot load declares no cache we could act on.
            return null;
        }
    }
}
