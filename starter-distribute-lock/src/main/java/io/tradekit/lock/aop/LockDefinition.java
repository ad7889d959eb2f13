package io.tradekit.lock.aop;

import io.tradekit.core.expression.InvalidMethodExpressionException;
import io.tradekit.core.expression.MethodExpression;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.lock.DistributeLockException;

/**
 * One annotated method's lock settings, validated and parsed once: a fixed key or a parsed
 * expression, lease and wait.
 */
record LockDefinition(String scene, String fixedKey, MethodExpression expression, int expireTime, int waitTime) {

    /** The key of one call; {@code null} when the expression yields {@code null} (the template then fails closed). */
    String key(Object[] args) {
        if (fixedKey != null) {
            return fixedKey;
        }
        try {
            return expression.evaluateToString(args);
        } catch (InvalidMethodExpressionException e) {
            // e.g. "#request.identifier" with a null request: bad input, the method must not run.
            throw new DistributeLockException(CommonErrorCode.PARAM_INVALID,
                    "The lock key of scene " + scene + " could not be evaluated", e);
        }
    }
}
