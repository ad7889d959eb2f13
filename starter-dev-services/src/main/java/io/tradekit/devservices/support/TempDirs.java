package io.tradekit.devservices.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Creates and removes the temporary directories dev servers keep their data in.
 */
public final class TempDirs {

    private TempDirs() {
    }

    /** A new directory under the system temp dir, named after the server that owns it. */
    public static Path create(String owner) {
        try {
            return Files.createTempDirectory("tradekit-" + owner + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temp directory for " + owner, e);
        }
    }

    /** Removes {@code dir} and everything below it; best effort, never throws. */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException exc) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // A file still held open by a server thread that is shutting down: the OS temp cleaner
            // removes the rest; failing a JVM shutdown over it would help nobody.
        }
    }
}
