package io.tradekit.benchmarks.facade;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.executable.ExecutableValidator;
import java.util.Set;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;

/** The baseline: a plain @Around aspect that only validates the arguments and proceeds. */
@Aspect
public class ValidatingAspect {

    private final ExecutableValidator validator;

    public ValidatingAspect(ExecutableValidator validator) {
        this.validator = validator;
    }

    @Around("execution(* io.tradekit.benchmarks.facade.BenchOrderFacade.*(..))")
    public Object validate(ProceedingJoinPoint joinPoint) throws Throwable {
        MethodSignature signature = (MethodSignature) joinPoint.getSignature();
        Set<ConstraintViolation<Object>> violations = validator.validateParameters(joinPoint.getTarget(),
                signature.getMethod(), joinPoint.getArgs());
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return joinPoint.proceed();
    }
}
