package io.tradekit.idempotent.aop;

import io.tradekit.core.expression.MethodExpression;

/** One annotated method's parsed {@code @IdempotentToken}: scene, token and owner expressions. */
record IdempotentTokenOperation(String scene, MethodExpression token, MethodExpression owner) {
}
