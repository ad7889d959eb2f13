package io.tradekit.cache.serial;

/**
 * A value could not be written or read by {@link AllowListKryoCodec}: its class is not on the
 * {@link ClassAllowList}, the bytes do not start with the codec's header, or Kryo failed.
 *
 * <p>Deliberately not JetCache's {@code CacheEncodeException}: on that exception JetCache's
 * Redisson cache retries the bytes with the Redisson client's own codec, which would deserialize
 * whatever class the bytes name. The remote cache treats this exception as a miss.
 */
public class CacheSerializationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CacheSerializationException(String message) {
        super(message);
    }

    public CacheSerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
