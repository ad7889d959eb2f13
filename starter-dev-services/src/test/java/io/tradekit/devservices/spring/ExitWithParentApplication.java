package io.tradekit.devservices.spring;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Run as a grandchild JVM by {@link ExitWithParentTest}: a Boot application without servers that prints
 * {@code STARTED} and then waits forever; only {@code tradekit.dev-services.exit-with-parent} can end it.
 */
@SpringBootConfiguration
public class ExitWithParentApplication {

    public static void main(String[] args) throws InterruptedException {
        new SpringApplicationBuilder(ExitWithParentApplication.class).web(WebApplicationType.NONE)
                .properties("tradekit.dev-services.enabled=false", "spring.main.banner-mode=off").run(args);
        System.out.println("STARTED");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /**
     * The parent in between: starts the application as its child (output to {@code args[0]}, the other
     * arguments passed on), prints {@code CHILD <pid>}, and waits to be killed.
     */
    public static final class Parent {
        public static void main(String[] args) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx128m",
                    "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    ExitWithParentApplication.class.getName()));
            command.addAll(Arrays.asList(args).subList(1, args.length));
            Process child = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(new File(args[0])).start();
            System.out.println("CHILD " + child.pid());
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }
}
