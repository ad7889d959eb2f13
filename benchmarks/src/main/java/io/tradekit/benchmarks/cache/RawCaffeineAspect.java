package io.tradekit.benchmarks.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * The baseline of the local hit: a plain {@code @Around} aspect that evaluates the same SpEL key
 * (parsed once per method, parameter names looked up once) and reads a raw Caffeine cache.
 */
@Aspect
public class RawCaffeineAspect {

    private final Cache<Object, Object> cache = Caffeine.newBuilder().maximumSize(100_000).build();
    private final Map<Method, Parsed> parsed = new ConcurrentHashMap<>();
    private final SpelExpressionParser parser = new SpelExpressionParser();
    private final DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();

    private record Parsed(Expression key, String[] parameterNames) {
    }

    @Around("@annotation(rawCached)")
    public Object cached(ProceedingJoinPoint joinPoint, RawCached rawCached) throws Throwable {
        Method method = ((MethodSignature) joinPoint.getSignature()).getMethod();
        Parsed p = parsed.computeIfAbsent(method, m -> new Parsed(parser.parseExpression(rawCached.key()),
                names.getParameterNames(m)));
        StandardEvaluationContext context = new StandardEvaluationContext();
        Object[] args = joinPoint.getArgs();
        for (int i = 0; i < args.length; i++) {
            context.setVariable(p.parameterNames()[i], args[i]);
        }
        Object key = p.key().getValue(context);
        Object value = cache.getIfPresent(key);
        if (value == null) {
            value = joinPoint.proceed();
            cache.put(key, value);
        }
        return value;
    }
}
