package io.tradekit.cache.serial;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes {@link AllowListKryoCodec} reads and writes: a fixed set of JDK value and
 * collection types, JetCache's own holder and broadcast message, and every class under the
 * configured packages (with their arrays and enums).
 *
 * <p>Decisions are cached per class, so the check costs one map lookup after the first time.
 */
public final class ClassAllowList {

    /** JDK packages whose every class is a plain value (no behaviour on construction). */
    private static final List<String> JDK_VALUE_PACKAGES = List.of("java.time.");

    private static final Set<String> JDK_CLASSES = Set.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Character",
            "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
            "java.lang.Object", "java.lang.Enum",
            "java.math.BigDecimal", "java.math.BigInteger", "java.util.UUID", "java.util.Date",
            "java.util.Currency", "java.util.Locale", "java.sql.Timestamp", "java.sql.Date",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque",
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
            "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.EnumMap",
            "java.util.Optional",
            // List.of / Set.of / Map.of and the Collections singletons: Kryo has dedicated serializers.
            "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$Set12", "java.util.ImmutableCollections$SetN",
            "java.util.ImmutableCollections$Map1", "java.util.ImmutableCollections$MapN",
            "java.util.ImmutableCollections$SubList",
            "java.util.Collections$EmptyList", "java.util.Collections$EmptyMap", "java.util.Collections$EmptySet",
            "java.util.Collections$SingletonList", "java.util.Collections$SingletonMap",
            "java.util.Collections$SingletonSet",
            // JetCache's own envelope (value + expiry) and broadcast message.
            "com.alicp.jetcache.CacheValueHolder", "com.alicp.jetcache.support.CacheMessage");

    private final List<String> packagePrefixes;
    private final Map<Class<?>, Boolean> decisions = new ConcurrentHashMap<>();

    /**
     * @param packages packages whose classes (and sub-packages' classes) may be cached, e.g.
     *                 {@code com.example.user}; blank entries are ignored
     */
    public ClassAllowList(List<String> packages) {
        Objects.requireNonNull(packages, "packages");
        this.packagePrefixes = packages.stream().filter(p -> p != null && !p.isBlank())
                .map(p -> p.strip().endsWith(".") ? p.strip() : p.strip() + ".").toList();
    }

    /** The package prefixes (each ending with a dot) besides the fixed JDK set. */
    public List<String> packagePrefixes() {
        return packagePrefixes;
    }

    /** Whether values of {@code type} may be serialized and deserialized. */
    public boolean allows(Class<?> type) {
        if (type == null) {
            return false;
        }
        Boolean known = decisions.get(type);
        if (known != null) {
            return known;
        }
        boolean decided = decide(type);
        decisions.put(type, decided);
        return decided;
    }

    private boolean decide(Class<?> type) {
        if (type.isPrimitive()) {
            return true;
        }
        if (type.isArray()) {
            return allows(type.getComponentType());
        }
        String name = type.getName();
        if (JDK_CLASSES.contains(name)) {
            return true;
        }
        if (JDK_VALUE_PACKAGES.stream().anyMatch(name::startsWith)) {
            return true;
        }
        // An enum constant with a body is a subclass named Outer$1: judged by its enum.
        if (type.isAnonymousClass() && type.getSuperclass() != null && type.getSuperclass().isEnum()) {
            return allows(type.getSuperclass());
        }
        return packagePrefixes.stream().anyMatch(name::startsWith);
    }
}
