package io.tradekit.core.expression;

import java.lang.reflect.Method;
import java.util.Objects;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.ConstructorReference;
import org.springframework.expression.spel.ast.TypeReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * A SpEL expression over the arguments of one method — {@code #telephone},
 * {@code #request.identifier}, {@code #p0} — parsed once and evaluated on every call.
 *
 * <p>Used by annotation-driven starters (the lock key of {@code @DistributeLock}, the token of
 * {@code @IdempotentToken}); they parse at start-up, keep the instance per method, and evaluate on
 * the hot path, which then costs no parsing and no reflection over parameter names.
 *
 * <p>Safe by construction: type references ({@code T(java.lang.Runtime)}), constructors
 * ({@code new ...}) and bean references ({@code @bean}) are rejected when parsing, and evaluation
 * runs in a read-only {@link SimpleEvaluationContext} (properties and public instance methods of
 * the arguments, no assignment). Argument values are data: a string argument holding SpEL text is
 * never evaluated.
 *
 * <pre>{@code
 * MethodExpression key = MethodExpression.parse(method, "#request.identifier");
 * String value = key.evaluateToString(args);   // null when the path yields null
 * }</pre>
 */
public final class MethodExpression {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Method method;
    private final String source;
    private final Expression expression;
    private final String[] parameterNames;

    private MethodExpression(Method method, String source, Expression expression, String[] parameterNames) {
        this.method = method;
        this.source = source;
        this.expression = expression;
        this.parameterNames = parameterNames;
    }

    /**
     * Parses {@code expression} for calls of {@code method}.
     *
     * @throws InvalidMethodExpressionException when the text is blank, does not parse, or uses a
     *                                          type, constructor or bean reference; the message
     *                                          names the method and the expression
     */
    public static MethodExpression parse(Method method, String expression) {
        Objects.requireNonNull(method, "method");
        if (expression == null || expression.isBlank()) {
            throw new InvalidMethodExpressionException(method, expression, "the expression is blank");
        }
        Expression parsed;
        try {
            parsed = PARSER.parseExpression(expression);
        } catch (ParseException e) {
            throw new InvalidMethodExpressionException(method, expression, e.getSimpleMessage());
        }
        if (parsed instanceof SpelExpression spel) {
            rejectUnsafeNodes(method, expression, spel.getAST());
        }
        String[] names = NAMES.getParameterNames(method);
        return new MethodExpression(method, expression, parsed, names != null ? names : new String[0]);
    }

    private static void rejectUnsafeNodes(Method method, String expression, SpelNode node) {
        if (node instanceof TypeReference || node instanceof ConstructorReference || node instanceof BeanReference) {
            throw new InvalidMethodExpressionException(method, expression,
                    "type, constructor and bean references are not allowed (" + node.toStringAST() + ")");
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            rejectUnsafeNodes(method, expression, node.getChild(i));
        }
    }

    /**
     * Evaluates against one call's arguments, visible as {@code #name} (when the code was compiled
     * with {@code -parameters} or debug info), {@code #p0}, {@code #a0}.
     *
     * @param args the call's arguments ({@code null} means none)
     * @return the value, possibly {@code null}
     * @throws InvalidMethodExpressionException when evaluation fails (e.g. a property that does not
     *                                          exist on the argument's type)
     */
    public Object evaluate(Object[] args) {
        SimpleEvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding()
                .withInstanceMethods()
                .build();
        Object[] values = args != null ? args : new Object[0];
        for (int i = 0; i < values.length; i++) {
            context.setVariable("p" + i, values[i]);
            context.setVariable("a" + i, values[i]);
            if (i < parameterNames.length) {
                context.setVariable(parameterNames[i], values[i]);
            }
        }
        try {
            return expression.getValue(context);
        } catch (EvaluationException e) {
            throw new InvalidMethodExpressionException(method, source, e.getMessage());
        }
    }

    /** {@link #evaluate} rendered with {@code String.valueOf}; {@code null} stays {@code null}. */
    public String evaluateToString(Object[] args) {
        Object value = evaluate(args);
        return value == null ? null : String.valueOf(value);
    }

    /** The expression text as written in the annotation. */
    public String source() {
        return source;
    }

    /** The method whose arguments the expression reads. */
    public Method method() {
        return method;
    }

    @Override
    public String toString() {
        return source + " on " + method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
