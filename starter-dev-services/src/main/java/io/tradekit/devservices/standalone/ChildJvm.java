package io.tradekit.devservices.standalone;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of a JVM that runs one of our classes with this JVM's Java and class path.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /** With this JVM's temp directory: a test that gives the launcher its own sees the children's files there. */
    static List<String> command(List<String> jvmOptions, Class<?> main, List<String> args) {
        return command(jvmOptions, Path.of(System.getProperty("java.io.tmpdir")), main, args);
    }

    static List<String> command(List<String> jvmOptions, Path tmpDir, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + tmpDir);
        command.add("-cp");
        command.add(classPath(main));
        command.add(main.getName());
        command.addAll(args);
        return command;
    }

    /**
     * The class path {@code main} was loaded from. Under {@code mvn exec:java} the launcher runs in
     * Maven's JVM, whose {@code java.class.path} is Maven's own boot jar: the project's class path is
     * then only known to the class loader, a {@link URLClassLoader}.
     */
    static String classPath(Class<?> main) {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = main.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader == ClassLoader.getSystemClassLoader()) {
                break;
            }
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        try {
                            entries.add(Path.of(url.toURI()).toString());
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            // not a plain file: the child would not find it either
                        }
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            return System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, entries);
    }
}
