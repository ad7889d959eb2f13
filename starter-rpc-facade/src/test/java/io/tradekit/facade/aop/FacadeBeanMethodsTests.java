package io.tradekit.facade.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.tradekit.core.response.BaseResponse;
import io.tradekit.core.spring.AnnotatedBeanMethods;
import io.tradekit.facade.Facade;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.GenericBeanDefinition;
import org.springframework.beans.factory.support.RootBeanDefinition;

/** Which methods are facade methods, found without creating any bean. */
class FacadeBeanMethodsTests {

    @Test
    void methodLevelAnnotationsAreFoundWhateverTheModifiers() {
        assertThat(names(FacadeBeanMethods.of(Annotated.class))).containsExactlyInAnyOrder("open", "hidden", "create");
    }

    @Test
    void typeLevelAnnotationCoversPublicInstanceMethodsOnly() {
        assertThat(names(FacadeBeanMethods.of(TypeLevel.class))).containsExactly("get");
    }

    @Test
    void annotationOnTheInterfaceMethodCounts() throws Exception {
        Method get = Implementation.class.getMethod("get");
        assertThat(FacadeBeanMethods.findFacade(get, Implementation.class)).isNotNull();
        assertThat(FacadeBeanMethods.findFacade(Implementation.class.getMethod("other"), Implementation.class)).isNull();
    }

    @Test
    void findReadsDefinitionsWithoutCreatingBeansAndSkipsUnloadableOnes() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        beanFactory.registerBeanDefinition("typeLevel", new RootBeanDefinition(TypeLevel.class));
        GenericBeanDefinition broken = new GenericBeanDefinition();
        broken.setBeanClassName("com.example.DoesNotExist");
        beanFactory.registerBeanDefinition("broken", broken);
        List<AnnotatedBeanMethods.Found> found = FacadeBeanMethods.find(beanFactory);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.beanName()).isEqualTo("typeLevel");
            assertThat(f.describe()).isEqualTo(TypeLevel.class.getName() + "#get()");
        });
        assertThat(beanFactory.containsSingleton("typeLevel")).as("nothing created").isFalse();
    }

    @Test
    void nullArgumentsAreRejectedWithTheirName() {
        assertThatNullPointerException().isThrownBy(() -> FacadeBeanMethods.of(null)).withMessageContaining("type");
        assertThatNullPointerException().isThrownBy(() -> FacadeBeanMethods.find(null)).withMessageContaining("beanFactory");
        assertThatNullPointerException().isThrownBy(() -> FacadeBeanMethods.findFacade(null, TypeLevel.class))
                .withMessageContaining("method");
        assertThatNullPointerException()
                .isThrownBy(() -> FacadeBeanMethods.findFacade(TypeLevel.class.getMethod("get"), null))
                .withMessageContaining("targetClass");
    }

    private static List<String> names(List<Method> methods) {
        return methods.stream().map(Method::getName).toList();
    }

    public static class Annotated {
        @Facade
        public BaseResponse open() {
            return hidden();
        }

        @Facade
        private BaseResponse hidden() {
            return new BaseResponse();
        }

        @Facade
        public static BaseResponse create() {
            return new BaseResponse();
        }

        public BaseResponse plain() {
            return new BaseResponse();
        }
    }

    @Facade
    public static class TypeLevel {
        public BaseResponse get() {
            return helper();
        }

        private BaseResponse helper() {
            return new BaseResponse();
        }

        public static BaseResponse of() {
            return new BaseResponse();
        }

        BaseResponse packagePrivate() {
            return new BaseResponse();
        }
    }

    public interface Api {
        @Facade
        BaseResponse get();
    }

    public static class Implementation implements Api {
        @Override
        public BaseResponse get() {
            return new BaseResponse();
        }

        public BaseResponse other() {
            return new BaseResponse();
        }
    }
}
