package io.tradekit.lock.aop;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.expression.InvalidMethodExpressionException;
import io.tradekit.core.expression.MethodExpression;
import io.tradekit.lock.DistributeLockException;
import io.tradekit.lock.DistributeLockSpec;

/**
 * One annotated method's lock settings, validated and parsed once: the spec (scene, lease, wait)
 * and a fixed key or a parsed expression.
 */
record LockDefinition(DistributeLockSpec spec, String fixedKey, MethodExpression expression) {

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
                    "The lock key of scene " + spec.scene() + " could not be evaluated", e);
        }
    }
}
