package io.tradekit.benchmarks.facade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.executable.ExecutableValidator;
import java.util.Set;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second baseline: what a team writes by hand when it wants the seed's call log without
 * tradekit — validate, proceed, then one INFO line with the elapsed time and the request and response
 * as plain Jackson JSON (no masking, no cap), to the same async appender as the facade's line.
 * Without payload it logs only the method and the elapsed time: the cheapest line a per-call log can
 * be, i.e. the floor any aspect writing one line per call pays on top of validation.
 */
@Aspect
public class LoggingValidatingAspect {

    private static final Logger LOG = LoggerFactory.getLogger("bench.baseline");

    private final ExecutableValidator validator;
    private final ObjectMapper json = new ObjectMapper();
    private final boolean payload;

    public LoggingValidatingAspect(ExecutableValidator validator, boolean payload) {
        this.validator = validator;
        this.payload = payload;
    }

    @Around("execution(* io.tradekit.benchmarks.facade.BenchOrderFacade.*(..))")
    public Object validateAndLog(ProceedingJoinPoint joinPoint) throws Throwable {
        long start = System.nanoTime();
        MethodSignature signature = (MethodSignature) joinPoint.getSignature();
        Set<ConstraintViolation<Object>> violations = validator.validateParameters(joinPoint.getTarget(),
                signature.getMethod(), joinPoint.getArgs());
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Object result = joinPoint.proceed();
        if (!payload) {
            LOG.info("call={} elapsedMs={}", signature.getName(), (System.nanoTime() - start) / 1_000_000);
        } else if (LOG.isInfoEnabled()) {
            LOG.info("call={} elapsedMs={} request={} response={}", signature.getName(),
                    (System.nanoTime() - start) / 1_000_000, write(joinPoint.getArgs()), write(result));
        }
        return result;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return "<unserializable>";
        }
    }
}
