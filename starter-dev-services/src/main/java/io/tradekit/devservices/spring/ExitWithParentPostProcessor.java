package io.tradekit.devservices.spring;

import io.tradekit.devservices.support.ParentWatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * With {@code tradekit.dev-services.exit-with-parent=true}, ends this JVM when the process that started it
 * is gone ({@link ParentWatch}: its standard input ends or it exits), even after a {@code kill -9} that ran
 * none of its shutdown hooks: an application a test started as a child never outlives the test. The exit
 * is the normal one (Spring closes its contexts); if that hangs, the JVM is halted after 30 s.
 */
public class ExitWithParentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "tradekit.dev-services.exit-with-parent";
    /** Once per JVM: several contexts (a parent and its children) each run the post-processors. */
    private static final AtomicBoolean WATCHING = new AtomicBoolean();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (Boolean.parseBoolean(environment.getProperty(PROPERTY, "false")) && WATCHING.compareAndSet(false, true)) {
            ParentWatch.onParentGone(ExitWithParentPostProcessor::exit);
        }
    }

    private static void exit() {
        System.err.println("tradekit dev services: the parent process is gone (" + PROPERTY + "): exiting");
        Thread halt = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        }, "tradekit-exit-with-parent-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(1);
    }

    @Override
    public int getOrder() {
        return DevServicesEnvironmentPostProcessor.ORDER;
    }
}
