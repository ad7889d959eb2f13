package io.tradekit.core.log;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which parameters of a method carry {@link Sensitive}, looked up once per method: reading them
 * through reflection on every logged call allocated a {@code Parameter[]} and walked annotations
 * each time, on the hottest path of every facade.
 */
final class SensitiveParameters {

    private static final SensitiveType[] NONE = new SensitiveType[0];
    // Logged methods are a fixed set; the bound only guards against generated classes without end.
    private static final int MAX_CACHED = 10_000;
    private static final ConcurrentMap<Method, SensitiveType[]> CACHE = new ConcurrentHashMap<>();

    private SensitiveParameters() {
    }

    /** The masking type of each parameter, {@code null} where it is not sensitive; empty when none is. */
    static SensitiveType[] of(Method method) {
        SensitiveType[] types = CACHE.get(method);
        if (types == null) {
            types = lookUp(method);
            if (CACHE.size() < MAX_CACHED) {
                CACHE.putIfAbsent(method, types);
            }
        }
        return types;
    }

    private static SensitiveType[] lookUp(Method method) {
        Parameter[] parameters = method.getParameters();
        SensitiveType[] types = new SensitiveType[parameters.length];
        boolean any = false;
        for (int i = 0; i < parameters.length; i++) {
            Sensitive sensitive = parameters[i].getAnnotation(Sensitive.class);
            if (sensitive != null) {
                types[i] = sensitive.type();
                any = true;
            }
        }
        return any ? types : NONE;
    }
}
