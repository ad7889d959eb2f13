package io.tradekit.cache.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alicp.jetcache.CacheValueHolder;
import com.alicp.jetcache.support.CacheMessage;
import com.alicp.jetcache.support.JavaValueEncoder;
import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.CompatibleFieldSerializer;
import io.tradekit.cache.gadget.Outsider;
import io.tradekit.cache.gadget.SerializableOutsider;
import io.tradekit.cache.sample.UserDTO;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AllowListKryoCodecTests {

    private final AllowListKryoCodec codec = new AllowListKryoCodec(new ClassAllowList(List.of("io.tradekit.cache.sample")));

    private Object roundTrip(Object value) {
        return codec.decode(codec.encode(value));
    }

    @Test
    void roundTripsAllowListedValuesInsideJetCachesHolder() {
        UserDTO user = new UserDTO(7, "张三", new BigDecimal("12.34"), Instant.parse("2026-11-24T07:00:00Z"),
                List.of("buyer", "seller"), UserDTO.Level.GOLD);
        CacheValueHolder<UserDTO> holder = new CacheValueHolder<>(user, 60_000);
        @SuppressWarnings("unchecked")
        CacheValueHolder<UserDTO> read = (CacheValueHolder<UserDTO>) roundTrip(holder);
        assertThat(read.getValue()).isEqualTo(user);
        assertThat(read.getExpireTime()).isEqualTo(holder.getExpireTime());
    }

    @Test
    void roundTripsCommonJdkValuesAndCollections() {
        Map<String, Object> map = new HashMap<>();
        map.put("k", 1L);
        for (Object value : new Object[] {null, "", "text", 42, 42L, 1.5d, true, new BigDecimal("1.10"), UUID.randomUUID(),
                LocalDate.of(2026, 11, 24), new ArrayList<>(List.of(1, 2)), List.of(), List.of("a"), Set.of("x", "y"),
                Map.of("a", 1), map, new long[] {1, 2}, new String[] {"a", null}, UserDTO.Level.BRONZE}) {
            Object read = roundTrip(value);
            if (value instanceof long[] longs) {
                assertThat((long[]) read).containsExactly(longs);
            } else if (value instanceof String[] strings) {
                assertThat((String[]) read).containsExactly(strings);
            } else {
                assertThat(read).as(String.valueOf(value)).isEqualTo(value);
            }
        }
    }

    @Test
    void roundTripsJetCachesBroadcastMessage() {
        CacheMessage message = new CacheMessage();
        message.setArea("default");
        message.setCacheName("userCache");
        message.setType(CacheMessage.TYPE_REMOVE);
        message.setKeys(new Object[] {42L, "k"});
        CacheMessage read = (CacheMessage) roundTrip(message);
        assertThat(read.getKeys()).containsExactly(42L, "k");
        assertThat(read.getCacheName()).isEqualTo("userCache");
    }

    @Test
    void refusesToWriteAClassOffTheList() {
        assertThatThrownBy(() -> codec.encode(new CacheValueHolder<>(new Outsider("x"), 1000)))
                .isInstanceOf(CacheSerializationException.class).hasMessageContaining(Outsider.class.getName());
        assertThatThrownBy(() -> codec.encode(List.of(new Outsider("x")))).isInstanceOf(CacheSerializationException.class);
        assertThatThrownBy(() -> codec.encode(new Thread())).isInstanceOf(CacheSerializationException.class);
    }

    @Test
    void refusesToReadAClassOffTheListWithoutCreatingIt() {
        byte[] allowed = forged(new CacheValueHolder<>("fine", 1000));
        assertThat(((CacheValueHolder<?>) codec.decode(allowed)).getValue()).as("the forging matches our format").isEqualTo("fine");

        byte[] forged = forged(new CacheValueHolder<>(new Outsider(), 1000));
        int constructed = Outsider.CONSTRUCTED.get();
        assertThatThrownBy(() -> codec.decode(forged)).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining(Outsider.class.getName());
        assertThat(Outsider.CONSTRUCTED.get()).isEqualTo(constructed);
    }

    @Test
    void refusesJavaSerializedAndHeaderlessBytes() {
        int read = SerializableOutsider.READ.get();
        byte[] java = new JavaValueEncoder(true).apply(new CacheValueHolder<>(new SerializableOutsider(), 1000));
        for (byte[] bytes : new byte[][] {java, null, new byte[0], new byte[] {0x54, 0x4B}, "hello".getBytes()}) {
            assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(CacheSerializationException.class);
        }
        assertThat(SerializableOutsider.READ.get()).isEqualTo(read);
    }

    @Test
    void truncatedOrGarbledBytesFailCleanly() {
        byte[] good = codec.encode(new CacheValueHolder<>(new UserDTO(1, "n", BigDecimal.ONE, Instant.now(), List.of(), null), 1000));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        assertThatThrownBy(() -> codec.decode(truncated)).isInstanceOf(CacheSerializationException.class);
        byte[] garbled = good.clone();
        for (int i = 4; i < garbled.length; i++) {
            garbled[i] = (byte) 0xFF;
        }
        assertThatThrownBy(() -> codec.decode(garbled)).isInstanceOf(CacheSerializationException.class);
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    UserDTO user = new UserDTO(n, "u" + n, BigDecimal.valueOf(n), Instant.EPOCH, List.of("r" + n), UserDTO.Level.GOLD);
                    return user.equals(roundTrip(user));
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static byte[] forged(Object value) {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setDefaultSerializer(CompatibleFieldSerializer.class);
        try (Output output = new Output(256, -1)) {
            output.writeBytes(AllowListKryoCodec.HEADER);
            kryo.writeClassAndObject(output, value);
            return output.toBytes();
        }
    }
}
