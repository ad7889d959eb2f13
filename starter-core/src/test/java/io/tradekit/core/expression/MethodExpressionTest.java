package io.tradekit.core.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class MethodExpressionTest {

    record OrderRequest(String identifier, Buyer buyer) {
    }

    record Buyer(String id) {
    }

    public static class Bean {
        private final String identifier;

        public Bean(String identifier) {
            this.identifier = identifier;
        }

        public String getIdentifier() {
            return identifier;
        }
    }

    @SuppressWarnings("unused")
    static class Target {
        void register(String telephone, int times) {
        }

        void create(OrderRequest request) {
        }

        void bean(Bean request) {
        }
    }

    private static Method method(String name) {
        for (Method method : Target.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void readsParametersByNameAndByPosition() {
        Object[] args = {"13812345678", 3};

        assertThat(MethodExpression.parse(method("register"), "#telephone").evaluate(args)).isEqualTo("13812345678");
        assertThat(MethodExpression.parse(method("register"), "#p0").evaluate(args)).isEqualTo("13812345678");
        assertThat(MethodExpression.parse(method("register"), "#a1").evaluate(args)).isEqualTo(3);
        assertThat(MethodExpression.parse(method("register"), "#telephone + ':' + #times").evaluateToString(args))
                .isEqualTo("13812345678:3");
    }

    @Test
    void readsNestedPropertiesOfRecordsAndBeans() {
        MethodExpression recordPath = MethodExpression.parse(method("create"), "#request.buyer.id");
        MethodExpression beanPath = MethodExpression.parse(method("bean"), "#request.identifier");

        assertThat(recordPath.evaluate(new Object[] {new OrderRequest("o-1", new Buyer("b-9"))})).isEqualTo("b-9");
        assertThat(beanPath.evaluate(new Object[] {new Bean("o-2")})).isEqualTo("o-2");
    }

    @Test
    void yieldsNullForNullValuesSoCallersCanFailClosed() {
        MethodExpression safe = MethodExpression.parse(method("create"), "#request?.identifier");

        assertThat(safe.evaluateToString(new Object[] {null})).isNull();
        assertThat(safe.evaluateToString(new Object[] {new OrderRequest(null, null)})).isNull();
        assertThat(MethodExpression.parse(method("register"), "#telephone").evaluateToString(new Object[] {null, 1}))
                .isNull();
    }

    @Test
    void treatsArgumentValuesAsDataNeverAsExpressions() {
        String hostile = "T(java.lang.Runtime).getRuntime().exec('touch /tmp/pwned')";
        MethodExpression expression = MethodExpression.parse(method("register"), "#telephone");

        assertThat(expression.evaluate(new Object[] {hostile, 1})).isEqualTo(hostile);
    }

    @Test
    void rejectsTypeConstructorAndBeanReferencesAtParseTime() {
        for (String unsafe : new String[] {"T(java.lang.Runtime).getRuntime()", "new java.io.File('/')",
                "@someBean.secret", "#telephone + T(java.lang.System).getenv('HOME')"}) {
            assertThatThrownBy(() -> MethodExpression.parse(method("register"), unsafe))
                    .as(unsafe)
                    .isInstanceOf(InvalidMethodExpressionException.class)
                    .hasMessageContaining("not allowed")
                    .hasMessageContaining("Target.register");
        }
    }

    @Test
    void rejectsBlankAndUnparsableExpressionsNamingTheMethod() {
        assertThatThrownBy(() -> MethodExpression.parse(method("register"), " "))
                .isInstanceOf(InvalidMethodExpressionException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> MethodExpression.parse(method("register"), null))
                .isInstanceOf(InvalidMethodExpressionException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> MethodExpression.parse(method("register"), "#telephone +"))
                .isInstanceOf(InvalidMethodExpressionException.class)
                .hasMessageContaining("'#telephone +'")
                .hasMessageContaining("register");
    }

    @Test
    void assignmentIsNotAllowedAtEvaluation() {
        MethodExpression assign = MethodExpression.parse(method("create"), "#request.identifier = 'x'");

        assertThatThrownBy(() -> assign.evaluate(new Object[] {new OrderRequest("o-1", null)}))
                .isInstanceOf(InvalidMethodExpressionException.class);
    }

    @Test
    void reportsAMissingPropertyAsAnInvalidExpression() {
        MethodExpression missing = MethodExpression.parse(method("create"), "#request.nope");

        assertThatThrownBy(() -> missing.evaluate(new Object[] {new OrderRequest("o-1", null)}))
                .isInstanceOf(InvalidMethodExpressionException.class)
                .hasMessageContaining("#request.nope");
    }
}
