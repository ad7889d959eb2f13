package io.tradekit.cache.support;

import com.alicp.jetcache.anno.support.DefaultSpringEncoderParser;
import com.alicp.jetcache.anno.support.EncoderParser;
import io.tradekit.cache.serial.AllowListKryoCodec;
import java.util.function.Function;
import org.springframework.beans.BeansException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;

/**
 * Resolves {@code @Cached(serialPolicy = ...)}: {@code "bean:name"} is the application's own
 * encoder bean (its explicit choice); every other name, JetCache's {@code JAVA} included, is the
 * allow-listed Kryo codec, so no annotation can bring Java serialization back.
 */
public final class AllowListEncoderParser implements EncoderParser, ApplicationContextAware {

    private static final String BEAN_PREFIX = "bean:";

    private final AllowListKryoCodec codec;
    private final DefaultSpringEncoderParser beans = new DefaultSpringEncoderParser();

    public AllowListEncoderParser(AllowListKryoCodec codec) {
        this.codec = codec;
    }

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
        beans.setApplicationContext(applicationContext);
    }

    @Override
    public Function<Object, byte[]> parseEncoder(String valueEncoder) {
        return isBean(valueEncoder) ? beans.parseEncoder(valueEncoder) : codec.encoder();
    }

    @Override
    public Function<byte[], Object> parseDecoder(String valueDecoder) {
        return isBean(valueDecoder) ? beans.parseDecoder(valueDecoder) : codec.decoder();
    }

    private static boolean isBean(String name) {
        return name != null && name.startsWith(BEAN_PREFIX) && !name.substring(BEAN_PREFIX.length()).isBlank();
    }
}
