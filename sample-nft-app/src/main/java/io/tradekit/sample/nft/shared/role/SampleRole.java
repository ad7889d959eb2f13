package io.tradekit.sample.nft.shared.role;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roles a sample process can take and the contexts each one runs ({@link RoleInitializer} applies
 * it). A context may belong to several roles: its beans then run in each (sessions, caches, stock and
 * the database are shared through the servers, never through a process's memory).
 */
public enum SampleRole {

    /** Every context in one process: the README's first command. */
    ALL(Set.of("user", "collection", "inventory", "order", "chain", "parameter", "onboarding", "web")),

    /**
     * The buyer's entry: login and the user's page, the token and the buy, payment, cancel, orders. The
     * inventory runs here because the buy's sold-out flag is this process's memory and the DB stock
     * joins the order consumer's transaction; the chain because it mints on the payment's in-process
     * event. Collections come from the goods role over Dubbo.
     */
    TRADE(Set.of("user", "order", "inventory", "chain")),

    /**
     * Everything but orders: the catalogue and its admin, the users, the stock owner's facade, the
     * chain's reads, onboarding and parameters, and the web pages (the home page reads the catalogue
     * in-process; behind a load balancer {@code /trade/**} goes to the trade role); runs Flyway (the
     * trade role does not).
     */
    GOODS(Set.of("user", "collection", "inventory", "chain", "parameter", "onboarding", "web"));

    /** The package every context lives under. */
    static final String BASE_PACKAGE = "io.tradekit.sample.nft";

    private final Set<String> contexts;

    SampleRole(Set<String> contexts) {
        this.contexts = contexts;
    }

    /** The role named by {@code sample.role}; unknown names fail the start-up naming the valid ones. */
    public static SampleRole of(String name) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalStateException("sample.role=" + name + " is no role; use one of "
                        + Arrays.stream(values()).map(SampleRole::id).collect(Collectors.joining(", "))));
    }

    /** The name as written in {@code sample.role} and the profile. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The contexts (direct sub-packages of the application) this role runs. */
    public Set<String> contexts() {
        return contexts;
    }

    /** Whether this role leaves some contexts to other processes. */
    public boolean split() {
        return !contexts.equals(ALL.contexts);
    }

    /**
     * Whether the class belongs to a context this role does not run. Classes outside the contexts
     * (the application class, {@code shared}, libraries) always belong.
     */
    boolean excludes(String className) {
        if (!className.startsWith(BASE_PACKAGE + ".")) {
            return false;
        }
        String rest = className.substring(BASE_PACKAGE.length() + 1);
        int dot = rest.indexOf('.');
        if (dot < 0) {
            return false;
        }
        String context = rest.substring(0, dot);
        return ALL.contexts.contains(context) && !contexts.contains(context);
    }

    /** The packages of this role's contexts. */
    List<String> packages() {
        return contexts.stream().sorted().map(context -> BASE_PACKAGE + "." + context).toList();
    }

    /**
     * The packages Dubbo scans for {@code @DubboService}: the {@code facade} packages of this role's
     * contexts that have one (Dubbo warns about every scanned package without a service).
     */
    List<String> facadePackages(ClassLoader classLoader) {
        return packages().stream().map(context -> context + ".facade")
                .filter(facade -> classLoader.getResource(facade.replace('.', '/') + "/package-info.class") != null)
                .toList();
    }
}
