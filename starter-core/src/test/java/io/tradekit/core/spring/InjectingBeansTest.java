package io.tradekit.core.spring;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class InjectingBeansTest {

    static final AtomicInteger CREATED = new AtomicInteger();

    interface Service {
    }

    static class ServiceImpl implements Service {
    }

    static class ByConstructor {
        ByConstructor(Runnable ignored, Service service) {
            CREATED.incrementAndGet();
        }
    }

    static class ByField {
        @Autowired
        private Optional<Service> service;
    }

    static class BySetter {
        @Autowired
        void setServices(List<Service> services) {
        }
    }

    static class Unrelated {
        Unrelated(Runnable task) {
        }

        void setService(Service notInjected) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Factories {
        @Bean
        Runnable byFactoryMethod(ObjectProvider<Service> service) {
            CREATED.incrementAndGet();
            return () -> { };
        }

        @Bean
        Service service() {
            return new ServiceImpl();
        }
    }

    @Test
    void findsEveryWayOfAskingWithoutCreatingAnyBean() {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.register(Factories.class);
        context.registerBean("byConstructor", ByConstructor.class);
        context.registerBean("byField", ByField.class);
        context.registerBean("bySetter", BySetter.class);
        context.registerBean("unrelated", Unrelated.class);
        CREATED.set(0);
        List<InjectingBeans.Found> found = new ArrayList<>();
        AtomicInteger createdWhenFound = new AtomicInteger(-1);
        // After the @Bean methods are registered, before any bean is created: where a starter's check runs.
        context.addBeanFactoryPostProcessor(beanFactory -> {
            found.addAll(InjectingBeans.find(beanFactory, Service.class));
            createdWhenFound.set(CREATED.get());
        });
        context.refresh();
        context.close();

        assertThat(found).extracting(InjectingBeans.Found::beanName)
                .containsExactly("byConstructor", "byField", "bySetter", "byFactoryMethod");
        assertThat(found.get(0).describe()).contains(ByConstructor.class.getName(), "constructor parameter 1");
        assertThat(found.get(1).where()).isEqualTo("field service");
        assertThat(found.get(2).where()).isEqualTo("method setServices");
        assertThat(found.get(3).describe()).isEqualTo("bean 'byFactoryMethod' (java.lang.Runnable, @Bean method "
                + "byFactoryMethod, parameter 0)");
        assertThat(createdWhenFound).hasValue(0);
    }

    @Test
    void nullArgumentsAreRefusedByName() {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        assertThatNullPointerException().isThrownBy(() -> InjectingBeans.find(null, Service.class))
                .withMessage("beanFactory");
        assertThatNullPointerException().isThrownBy(() -> InjectingBeans.find(context.getBeanFactory(), null))
                .withMessage("service");
    }

    @Test
    void noBeanAskingGivesAnEmptyList() {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean("unrelated", Unrelated.class);
        context.registerBean("service", ServiceImpl.class);
        assertThat(InjectingBeans.find(context.getBeanFactory(), Service.class)).isEmpty();
    }
}
