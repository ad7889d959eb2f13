package io.tradekit.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.core.log.LogFixtures.AccountFacade;
import io.tradekit.core.log.LogFixtures.Card;
import io.tradekit.core.log.LogFixtures.Customer;
import io.tradekit.core.log.LogFixtures.Login;
import io.tradekit.core.log.LogFixtures.Order;
import io.tradekit.core.log.LogFixtures.Timed;
import io.tradekit.core.response.SingleResponse;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaskingJsonWriterTest {

    private static final String ZHANG =
            "{\"name\":\"张**\",\"mobile\":\"138****5678\",\"backupMobile\":\"139****4321\",\"level\":\"GOLD\"}";

    private final MaskingJsonWriter writer = MaskingJsonWriter.DEFAULT;

    @Test
    void masksSensitiveFieldsIncludingNonStringOnes() {
        assertThat(writer.write(Customer.zhang())).isEqualTo(ZHANG);
    }

    @Test
    void masksSensitiveRecordComponents() {
        assertThat(writer.write(new Card("6222021234567890123", "ICBC")))
                .isEqualTo("{\"number\":\"***************0123\",\"bank\":\"ICBC\"}");
    }

    @Test
    void masksInsideNestedBeansListsMapsArraysAndOptionals() {
        Map<String, Customer> byRole = new LinkedHashMap<>();
        byRole.put("payer", Customer.zhang());
        Order order = new Order(Customer.zhang(), List.of(Customer.zhang()), byRole,
                new Card[] {new Card("6222021234567890123", "ICBC")}, Optional.of(Customer.zhang()));

        assertThat(writer.write(order)).isEqualTo("{\"buyer\":" + ZHANG
                + ",\"watchers\":[" + ZHANG + "]"
                + ",\"byRole\":{\"payer\":" + ZHANG + "}"
                + ",\"cards\":[{\"number\":\"***************0123\",\"bank\":\"ICBC\"}]"
                + ",\"referrer\":" + ZHANG + "}");
    }

    @Test
    void masksInsideAResponseEnvelope() {
        assertThat(writer.write(SingleResponse.of(Customer.zhang())))
                .isEqualTo("{\"success\":true,\"code\":\"SUCCESS\",\"message\":\"The request succeeded.\",\"data\":"
                        + ZHANG + "}");
    }

    @Test
    void masksEmailSecretsCollectionsAndCharArraysAndSkipsIgnoredTransientAndNullFields() {
        Login login = new Login("zhangsan@example.com", "hunter2", List.of("13812345678", "13987654321"),
                "4242".toCharArray());

        assertThat(writer.write(login)).isEqualTo("{\"email\":\"z*******@example.com\",\"password\":\"******\","
                + "\"mobiles\":[\"138****5678\",\"139****4321\"],\"pin\":\"******\"}");
    }

    @Test
    void masksBeansInsideAnArrayOfMethodArguments() {
        Object[] args = {Customer.zhang(), "plain", 42, null};

        assertThat(writer.write(args)).isEqualTo("[" + ZHANG + ",\"plain\",42,null]");
    }

    @Test
    void masksArgumentsWhoseParameterIsSensitive() throws NoSuchMethodException {
        Method login = AccountFacade.class.getMethod("login", String.class, String.class, Customer.class);

        String json = writer.writeArguments(login, new Object[] {"13812345678", "hunter2", Customer.zhang()});

        assertThat(json).isEqualTo("[\"138****5678\",\"******\"," + ZHANG + "]");
    }

    @Test
    void writesArgumentsPlainlyWhenTheMethodIsUnknown() {
        assertThat(writer.writeArguments(null, new Object[] {"a", 1})).isEqualTo("[\"a\",1]");
        assertThat(writer.writeArguments(null, null)).isEqualTo("null");
    }

    @Test
    void writesStringsAndPrimitivesAsJsonValues() {
        assertThat(writer.write("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(writer.write(42)).isEqualTo("42");
        assertThat(writer.write(true)).isEqualTo("true");
        assertThat(writer.write(null)).isEqualTo("null");
    }

    @Test
    void writesJavaTimeAsIsoStrings() {
        assertThat(writer.write(new Timed())).isEqualTo("{\"at\":\"2024-05-01T08:30:00Z\",\"day\":\"2024-05-01\"}");
    }

    @Test
    void keepsNullElementsOfCollectionsAndMaps() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", null);
        map.put("b", List.of(1));

        assertThat(writer.write(map)).isEqualTo("{\"a\":null,\"b\":[1]}");
    }
}
