package io.tradekit.core.aop;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;

class InterceptableMethodsTest {

    @SuppressWarnings("unused")
    static class Bean {
        public void open(String name, int count) {
        }

        protected void guarded() {
        }

        void packagePrivate() {
        }

        public final void sealed() {
        }

        private void hidden() {
        }

        public static void onClass() {
        }
    }

    @SuppressWarnings("unused")
    static final class FinalBean {
        public void open() {
        }
    }

    @Test
    void publicProtectedAndPackagePrivateInstanceMethodsCanBeIntercepted() throws Exception {
        assertThat(InterceptableMethods.whyNot(Bean.class.getDeclaredMethod("open", String.class, int.class))).isEmpty();
        assertThat(InterceptableMethods.whyNot(Bean.class.getDeclaredMethod("guarded"))).isEmpty();
        assertThat(InterceptableMethods.whyNot(Bean.class.getDeclaredMethod("packagePrivate"))).isEmpty();
    }

    @Test
    void finalPrivateAndStaticMethodsAndFinalClassesCannot() throws Exception {
        assertThat(InterceptableMethods.whyNot(Bean.class.getDeclaredMethod("sealed"))).hasValueSatisfying(
                why -> assertThat(why).contains("final"));
        assertThat(InterceptableMethods.whyNot(Bean.class.getDeclaredMethod("hidden"))).hasValueSatisfying(
                why -> assertThat(why).contains("private"));
        assertThat(InterceptableMethods.whyNot(Bean.class.getDeclaredMethod("onClass"))).hasValueSatisfying(
                why -> assertThat(why).contains("static"));
        assertThat(InterceptableMethods.whyNot(FinalBean.class.getDeclaredMethod("open"))).hasValueSatisfying(
                why -> assertThat(why).contains("class is final"));
    }

    @Test
    void describesTheMethodWithItsParameterTypes() throws Exception {
        Method method = Bean.class.getDeclaredMethod("open", String.class, int.class);
        assertThat(InterceptableMethods.describe(method))
                .isEqualTo(Bean.class.getName() + "#open(String, int)");
    }
}
