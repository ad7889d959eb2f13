package io.tradekit.sample.nft.crash;

import io.tradekit.sample.nft.crash.hook.CrashHooks;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The compiled hook package ({@link io.tradekit.sample.nft.crash.hook}) copied out of this JVM's test
 * classes into a directory of its own: the {@code loader.path} of the child trade processes, which then
 * load the hooks and nothing else of the tests.
 */
final class HookClasses {

    private HookClasses() {
    }

    /** Copies the hook package's classes under {@code dir} (emptied first); returns {@code dir}, absolute. */
    static Path copyTo(Path dir) throws IOException {
        Path root;
        try {
            root = Path.of(CrashHooks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the test classes", e);
        }
        String packagePath = CrashHooks.class.getPackageName().replace('.', '/');
        Path from = root.resolve(packagePath);
        Path to = dir.toAbsolutePath().resolve(packagePath);
        deleteRecursively(dir);
        Files.createDirectories(to);
        int copied = 0;
        try (DirectoryStream<Path> classes = Files.newDirectoryStream(from, "*.class")) {
            for (Path file : classes) {
                Files.copy(file, to.resolve(file.getFileName()));
                copied++;
            }
        }
        if (copied == 0) {
            throw new IllegalStateException("no hook classes in " + from);
        }
        return dir.toAbsolutePath();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
