package io.tradekit.devservices.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the kernel's table of listening TCP sockets (Linux {@code /proc/net/tcp} and {@code tcp6}),
 * so a test can see which address a server really bound, without sending any traffic.
 */
public final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** The local addresses (hex, as the kernel writes them) that listen on {@code port}. */
    public static List<String> addressesListeningOn(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length > 3 && columns[1].endsWith(":" + hexPort) && LISTEN.equals(columns[3])) {
                    addresses.add(columns[1].substring(0, columns[1].indexOf(':')));
                }
            }
        }
        return addresses;
    }

    /** Whether a kernel address is 127.0.0.1 (IPv4 or IPv4-mapped IPv6). */
    public static boolean isLoopback(String hexAddress) {
        return hexAddress.equals("0100007F") || hexAddress.equals("0000000000000000FFFF00000100007F");
    }
}
