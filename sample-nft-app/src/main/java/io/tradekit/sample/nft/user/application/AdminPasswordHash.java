package io.tradekit.sample.nft.user.application;

import io.tradekit.sample.nft.shared.security.PasswordHasher;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints the {@code sample.user.bootstrap-admin.password-hash} of a password read from the terminal
 * (or standard input), so the password itself never sits in configuration, a command line or shell
 * history: {@code java -cp sample-nft-app/target/classes
 * io.tradekit.sample.nft.user.application.AdminPasswordHash}.
 */
public final class AdminPasswordHash {

    private static final int MIN_PASSWORD = 12;

    private AdminPasswordHash() {
    }

    public static void main(String[] args) throws IOException {
        String password = read();
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 64) {
            System.err.println("An admin password has " + MIN_PASSWORD + " to 64 characters.");
            System.exit(2);
            return;
        }
        System.out.println(new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS).hash(password));
    }

    private static String read() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Admin password: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
