package io.tradekit.cache.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.cache.serial.AllowListKryoCodec;
import io.tradekit.cache.serial.ClassAllowList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowListEncoderParserTests {

    private final AllowListKryoCodec codec = new AllowListKryoCodec(new ClassAllowList(List.of("com.example")));
    private final AllowListEncoderParser parser = new AllowListEncoderParser(codec);

    @Test
    void everySerialPolicyNameIsTheAllowListedCodecJavaIncluded() {
        for (String name : new String[] {"JAVA", "KRYO", "KRYO5", "FASTJSON2", "$$undefined$$", "", "bean:", null}) {
            assertThat(parser.parseEncoder(name)).as(String.valueOf(name)).isSameAs(codec.encoder());
            assertThat(parser.parseDecoder(name)).as(String.valueOf(name)).isSameAs(codec.decoder());
        }
    }
}
