package io.tradekit.core.spring;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AnnotatedBeanMethodsTest {

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @interface Marked {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @Marked
    @interface MetaMarked {
    }

    static final AtomicInteger CREATED = new AtomicInteger();

    @SuppressWarnings("unused")
    static class Base {
        @Marked
        public void inherited() {
        }
    }

    @SuppressWarnings("unused")
    static class Service extends Base {
        Service() {
            CREATED.incrementAndGet();
        }

        @Marked
        public final void sealed() {
        }

        @MetaMarked
        public void meta() {
        }

        public void plain() {
        }
    }

    static class Plain {
        public void nothing() {
        }
    }

    static class ServiceFactory implements FactoryBean<Service> {
        @Override
        public Service getObject() {
            return new Service();
        }

        @Override
        public Class<?> getObjectType() {
            return null;
        }
    }

    @Test
    void findsDirectInheritedAndMetaAnnotatedMethodsWithoutCreatingBeans() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        beanFactory.registerBeanDefinition("service", new RootBeanDefinition(Service.class));
        beanFactory.registerBeanDefinition("plain", new RootBeanDefinition(Plain.class));
        beanFactory.registerBeanDefinition("factory", new RootBeanDefinition(ServiceFactory.class));
        CREATED.set(0);

        var found = AnnotatedBeanMethods.find(beanFactory, Marked.class);

        // The FactoryBean's product type comes from its generic signature: its methods count too.
        assertThat(found).extracting(AnnotatedBeanMethods.Found::beanName).containsOnly("service", "factory");
        assertThat(found).filteredOn(f -> f.beanName().equals("service")).extracting(f -> f.method().getName())
                .containsExactlyInAnyOrder("inherited", "sealed", "meta");
        assertThat(found).filteredOn(f -> f.beanName().equals("service")).filteredOn(f -> f.method().getName().equals("sealed")).singleElement()
                .satisfies(f -> assertThat(f.whyNotInterceptable()).isPresent())
                .satisfies(f -> assertThat(f.describe()).endsWith("Service#sealed()"));
        assertThat(found).filteredOn(f -> f.beanName().equals("service")).filteredOn(f -> f.method().getName().equals("meta")).singleElement()
                .satisfies(f -> assertThat(f.whyNotInterceptable()).isEmpty());
        assertThat(CREATED).as("no bean created by the scan").hasValue(0);
    }
}
