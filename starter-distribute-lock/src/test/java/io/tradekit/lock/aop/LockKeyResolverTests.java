package io.tradekit.lock.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.expression.InvalidMethodExpressionException;
import io.tradekit.lock.DistributeLock;
import io.tradekit.lock.DistributeLockException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class LockKeyResolverTests {

    private final LockKeyResolver resolver = new LockKeyResolver();

    record Request(String identifier) {
    }

    interface Api {
        @DistributeLock(scene = "API", keyExpression = "#p0")
        void onInterface(String id);
    }

    static class Valid implements Api {

        @DistributeLock(scene = "USER_REGISTER", keyExpression = "#telephone")
        public void register(String telephone, String inviteCode) {
        }

        @DistributeLock(scene = "ORDER_CREATE", keyExpression = "#request.identifier")
        public void create(Request request) {
        }

        @DistributeLock(scene = "FIXED", key = "fixed", keyExpression = "#unparsable +")
        public void fixedKeyWins(String value) {
        }

        @DistributeLock(scene = "P0", keyExpression = "#p1")
        public void byIndex(String first, String second) {
        }

        @Override
        public void onInterface(String id) {
        }

        public void notLocked() {
        }
    }

    @Test
    void expressionsSeeParametersByNameAndIndex() throws Exception {
        assertThat(definition(Valid.class, "register", String.class, String.class).key(new Object[] {"138", "x"}))
                .isEqualTo("138");
        assertThat(definition(Valid.class, "create", Request.class).key(new Object[] {new Request("order-1")}))
                .isEqualTo("order-1");
        assertThat(definition(Valid.class, "byIndex", String.class, String.class).key(new Object[] {"a", "b"}))
                .isEqualTo("b");
        assertThat(definition(Valid.class, "onInterface", String.class).key(new Object[] {"i"})).isEqualTo("i");
    }

    @Test
    void keyWinsOverExpressionWhichIsThenNeverParsed() throws Exception {
        assertThat(definition(Valid.class, "fixedKeyWins", String.class).key(new Object[] {"ignored"})).isEqualTo("fixed");
    }

    @Test
    void metadataIsParsedOncePerMethodAndCached() throws Exception {
        assertThat(definition(Valid.class, "register", String.class, String.class))
                .isSameAs(definition(Valid.class, "register", String.class, String.class));
        assertThat(definition(Valid.class, "notLocked")).isNull();
        assertThat(resolver.validateClass(Valid.class)).isTrue();
        assertThat(resolver.validateClass(String.class)).isFalse();
    }

    @Test
    void argumentValuesAreDataNeverEvaluated() throws Exception {
        LockDefinition definition = definition(Valid.class, "register", String.class, String.class);
        String hostile = "T(java.lang.Runtime).getRuntime().exec('touch /tmp/pwned')";
        assertThat(definition.key(new Object[] {hostile, null})).isEqualTo(hostile);
        assertThat(definition.key(new Object[] {null, null})).isNull();
    }

    @Test
    void aPathThroughANullArgumentFailsClosedWithParamInvalid() throws Exception {
        LockDefinition definition = definition(Valid.class, "create", Request.class);
        assertThatThrownBy(() -> definition.key(new Object[] {null}))
                .isInstanceOfSatisfying(DistributeLockException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(CommonErrorCode.PARAM_INVALID));
    }

    static class NoKey {
        @DistributeLock(scene = "S")
        public void noKey(String a) {
        }
    }

    static class Unparsable {
        @DistributeLock(scene = "S", keyExpression = "#a +")
        public void unparsable(String a) {
        }
    }

    static class Unsafe {
        @DistributeLock(scene = "S", keyExpression = "T(java.lang.Runtime).getRuntime()")
        public void unsafe(String a) {
        }
    }

    static class BlankScene {
        @DistributeLock(scene = " ", key = "k")
        public void blankScene() {
        }
    }

    static class BadLease {
        @DistributeLock(scene = "S", key = "k", expireTime = 0)
        public void badLease() {
        }
    }

    static class BadWait {
        @DistributeLock(scene = "S", key = "k", waitTime = -5)
        public void badWait() {
        }
    }

    static class OneGoodOneBad {
        @DistributeLock(scene = "S", key = "k")
        public void good() {
        }

        @DistributeLock(scene = "S", keyExpression = "#missing(")
        public void bad(String a) {
        }
    }

    @Test
    void misconfiguredAnnotationsFailNamingTheMethod() {
        assertThatIllegalStateException().isThrownBy(() -> resolver.validateClass(NoKey.class))
                .withMessageContaining(NoKey.class.getName() + ".noKey").withMessageContaining("neither key nor keyExpression");
        assertThatThrownBy(() -> resolver.validateClass(Unparsable.class)).isInstanceOf(InvalidMethodExpressionException.class)
                .hasMessageContaining(Unparsable.class.getName() + ".unparsable");
        assertThatThrownBy(() -> resolver.validateClass(Unsafe.class)).isInstanceOf(InvalidMethodExpressionException.class)
                .hasMessageContaining("unsafe");
        assertThatIllegalStateException().isThrownBy(() -> resolver.validateClass(BlankScene.class))
                .withMessageContaining("blankScene");
        assertThatIllegalStateException().isThrownBy(() -> resolver.validateClass(BadLease.class))
                .withMessageContaining("badLease").withMessageContaining("expireTime");
        assertThatIllegalStateException().isThrownBy(() -> resolver.validateClass(BadWait.class))
                .withMessageContaining("badWait").withMessageContaining("waitTime");
        assertThatThrownBy(() -> resolver.validateClass(OneGoodOneBad.class))
                .hasMessageContaining(OneGoodOneBad.class.getName() + ".bad");
    }

    /** 129 characters, one over the limit. */
    static final String OVERSIZED = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdefX";

    static class OversizedScene {
        @DistributeLock(scene = OVERSIZED,
                key = "k")
        public void oversizedScene() {
        }
    }

    static class BracedScene {
        @DistributeLock(scene = "A{B}", key = "k")
        public void bracedScene() {
        }
    }

    @Test
    void theAnnotationRulesAreTheSpecRulesWithTheMethodNamed() throws Exception {
        assertThatIllegalStateException().isThrownBy(() -> resolver.validateClass(OversizedScene.class))
                .withMessageContaining(OversizedScene.class.getName() + ".oversizedScene")
                .withMessageContaining("at most 128").withCauseInstanceOf(IllegalArgumentException.class);
        assertThatIllegalStateException().isThrownBy(() -> resolver.validateClass(BracedScene.class))
                .withMessageContaining("bracedScene").withMessageContaining("'{'");
        assertThat(definition(Valid.class, "register", String.class, String.class).spec())
                .isEqualTo(new io.tradekit.lock.DistributeLockSpec("USER_REGISTER", -1, -1));
    }

    @Test
    void validateClassRejectsNull() {
        assertThatThrownBy(() -> resolver.validateClass(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("targetClass");
    }

    private LockDefinition definition(Class<?> type, String name, Class<?>... parameterTypes) throws Exception {
        Method method = type.getMethod(name, parameterTypes);
        return resolver.definition(method, type);
    }
}
