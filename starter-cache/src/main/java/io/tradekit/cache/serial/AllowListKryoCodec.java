package io.tradekit.cache.serial;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.CompatibleFieldSerializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.Pool;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Remote-cache value codec: Kryo 5 that only reads and writes classes on a {@link ClassAllowList},
 * behind a 4-byte header of its own. Never Java serialization.
 *
 * <p>The class check sits where Kryo meets a class it has not registered, before any instance is
 * created: bytes naming a class off the list fail with {@link CacheSerializationException} without
 * running a constructor, and bytes without the header (JetCache's Java-serialized values, say) are
 * refused outright rather than handed to another decoder. Fields are written with
 * {@link CompatibleFieldSerializer}, so a field added or removed in a rolling deploy still reads.
 * Object graphs are written without references: a cyclic value cannot be cached.
 */
public final class AllowListKryoCodec {

    /** "TKK5": tradekit, Kryo 5. */
    static final byte[] HEADER = {0x54, 0x4B, 0x4B, 0x35};

    private static final String REFUSED = "class not on the tradekit.cache allow-list: ";

    private final ClassAllowList allowList;
    private final Pool<Kryo> kryos;
    private final Function<Object, byte[]> encoder = this::encode;
    private final Function<byte[], Object> decoder = this::decode;

    public AllowListKryoCodec(ClassAllowList allowList) {
        this.allowList = Objects.requireNonNull(allowList, "allowList");
        this.kryos = new Pool<>(true, false, 64) {
            @Override
            protected Kryo create() {
                return newKryo();
            }
        };
    }

    public ClassAllowList allowList() {
        return allowList;
    }

    /** The encoder to give JetCache (one instance, so JetCache can compare it). */
    public Function<Object, byte[]> encoder() {
        return encoder;
    }

    /** The decoder to give JetCache. */
    public Function<byte[], Object> decoder() {
        return decoder;
    }

    /**
     * Writes {@code value} (may be {@code null}).
     *
     * @throws CacheSerializationException when the value holds a class off the allow-list
     */
    public byte[] encode(Object value) {
        Kryo kryo = kryos.obtain();
        try (Output output = new Output(256, -1)) {
            output.writeBytes(HEADER);
            kryo.writeClassAndObject(output, value);
            return output.toBytes();
        } catch (KryoException | IllegalArgumentException e) {
            throw new CacheSerializationException("cannot serialize a " + typeOf(value) + ": " + reason(e), e);
        } finally {
            kryos.free(kryo);
        }
    }

    /**
     * Reads bytes written by {@link #encode}.
     *
     * @throws CacheSerializationException when the header is missing or the bytes name a class off
     *                                     the allow-list; nothing of that class is created
     */
    public Object decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER.length || !hasHeader(bytes)) {
            throw new CacheSerializationException("not a tradekit-cache value (missing header), refused");
        }
        Kryo kryo = kryos.obtain();
        try (Input input = new Input(bytes, HEADER.length, bytes.length - HEADER.length)) {
            return kryo.readClassAndObject(input);
        } catch (KryoException | IllegalArgumentException e) {
            throw new CacheSerializationException("cannot deserialize: " + reason(e), e);
        } finally {
            kryos.free(kryo);
        }
    }

    private static boolean hasHeader(byte[] bytes) {
        for (int i = 0; i < HEADER.length; i++) {
            if (bytes[i] != HEADER[i]) {
                return false;
            }
        }
        return true;
    }

    /** The allow-list refusal when there is one (Kryo wraps it in its own messages), else Kryo's message. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith(REFUSED)) {
                return t.getMessage();
            }
        }
        return e.getMessage();
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    private Kryo newKryo() {
        Kryo kryo = new Kryo(new AllowListClassResolver(allowList), null);
        kryo.setRegistrationRequired(false);
        kryo.setDefaultSerializer(CompatibleFieldSerializer.class);
        // Kryo 5 has a UUID serializer but does not register it; field serialization of UUID fails.
        kryo.addDefaultSerializer(UUID.class, DefaultSerializers.UUIDSerializer.class);
        // No-arg constructor when there is one, else Objenesis (DTOs with only an all-args constructor).
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        return kryo;
    }

    /** Kryo's class resolver with the allow-list check on every class it meets by name. */
    private static final class AllowListClassResolver extends DefaultClassResolver {

        private final ClassAllowList allowList;

        AllowListClassResolver(ClassAllowList allowList) {
            this.allowList = allowList;
        }

        @Override
        public Registration registerImplicit(Class type) {
            check(type);
            return super.registerImplicit(type);
        }

        @Override
        public Registration readClass(Input input) {
            Registration registration = super.readClass(input);
            if (registration != null) {
                check(registration.getType());
            }
            return registration;
        }

        private void check(Class<?> type) {
            if (!allowList.allows(type)) {
                throw new KryoException(REFUSED + type.getName());
            }
        }
    }
}
