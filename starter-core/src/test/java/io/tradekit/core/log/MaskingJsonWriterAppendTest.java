package io.tradekit.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.core.log.LogFixtures.AccountFacade;
import io.tradekit.core.log.LogFixtures.Customer;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The append forms build a log line in one buffer and behave exactly like the String forms. */
class MaskingJsonWriterAppendTest {

    private final MaskingJsonWriter writer = MaskingJsonWriter.DEFAULT;

    @Test
    void appendsAfterWhatTheBufferHoldsAndMatchesWrite() {
        StringBuilder line = new StringBuilder("call=x response=");
        assertThat(writer.appendTo(line, Customer.zhang())).isSameAs(line);
        assertThat(line.toString()).isEqualTo("call=x response=" + writer.write(Customer.zhang()));
    }

    @Test
    void theCapCountsFromWhereTheValueStartsNotFromTheBufferStart() {
        MaskingJsonWriter small = new MaskingJsonWriter(20);
        StringBuilder line = new StringBuilder("x".repeat(50)).append(" request=");
        small.appendTo(line, "y".repeat(100));
        assertThat(line.toString()).isEqualTo("x".repeat(50) + " request=" + small.write("y".repeat(100)))
                .endsWith("\"" + "y".repeat(19) + "...(truncated, 102 chars)");
    }

    @Test
    void anUnserializableValueLeavesNoHalfOfItInTheLine() {
        List<Object> selfContaining = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            selfContaining.add("element-" + i);
        }
        selfContaining.add(selfContaining);
        StringBuilder line = new StringBuilder("request=");
        writer.appendTo(line, selfContaining);
        assertThat(line.toString()).isEqualTo("request=" + writer.write(selfContaining))
                .startsWith("request=<unserializable java.util.ArrayList: ").doesNotContain("element-0");
    }

    @Test
    void appendedArgumentsAreMaskedByParameterAndTheCallersArrayIsUntouched() throws NoSuchMethodException {
        Method login = AccountFacade.class.getMethod("login", String.class, String.class, Customer.class);
        Object[] args = {"13812345678", "hunter2", Customer.zhang()};
        for (int call = 0; call < 3; call++) { // the first lookup fills the per-method cache, the others read it
            StringBuilder line = new StringBuilder("request=");
            writer.appendArguments(line, login, args);
            assertThat(line.toString()).isEqualTo("request=" + writer.writeArguments(login, args))
                    .startsWith("request=[\"138****5678\",\"******\",");
        }
        assertThat(args).containsExactly("13812345678", "hunter2", args[2]);
    }

    @Test
    void aMethodWithoutSensitiveParametersIsWrittenAsItsArguments() throws NoSuchMethodException {
        Method valueOf = String.class.getMethod("valueOf", Object.class);
        StringBuilder line = new StringBuilder();
        writer.appendArguments(line, valueOf, new Object[] {"plain 13812345678"});
        assertThat(line.toString()).isEqualTo("[\"plain 13812345678\"]");
    }
}
