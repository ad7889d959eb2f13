package io.tradekit.core.expression;

import java.lang.reflect.Method;

/**
 * A {@link MethodExpression} that cannot be parsed or evaluated; the message names the method and
 * the expression, so a misconfigured annotation fails the application start-up with a clear line.
 */
public class InvalidMethodExpressionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidMethodExpressionException(Method method, String expression, String reason) {
        super("Invalid expression '" + expression + "' on " + method.getDeclaringClass().getName() + "."
                + method.getName() + ": " + reason);
    }
}
