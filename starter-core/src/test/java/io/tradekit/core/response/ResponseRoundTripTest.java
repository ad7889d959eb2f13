package io.tradekit.core.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.core.error.CommonErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jackson (HTTP) and Java serialization (a stand-in for Hessian/Dubbo) must both rebuild a response. */
class ResponseRoundTripTest {

    /** A payload as an RPC contract would declare it. */
    public static class Item implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private long price;

        public Item() {
        }

        Item(String name, long price) {
            this.name = name;
            this.price = price;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public long getPrice() {
            return price;
        }

        public void setPrice(long price) {
            this.price = price;
        }
    }

    // A plain mapper: unknown properties fail, as in a client that is not configured by Spring.
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void singleResponseSurvivesJackson() throws IOException {
        SingleResponse<Item> original = SingleResponse.of(new Item("ape #1", 990));

        SingleResponse<Item> copy = mapper.readValue(mapper.writeValueAsString(original),
                new TypeReference<SingleResponse<Item>>() { });

        assertThat(copy).usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    void multiResponseSurvivesJackson() throws IOException {
        MultiResponse<Item> original = MultiResponse.of(List.of(new Item("a", 1), new Item("b", 2)));

        MultiResponse<Item> copy = mapper.readValue(mapper.writeValueAsString(original),
                new TypeReference<MultiResponse<Item>>() { });

        assertThat(copy).usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    void pageResponseSurvivesJacksonAndShowsTotalPagesToClients() throws IOException {
        PageResponse<Item> original = PageResponse.of(List.of(new Item("a", 1)), 21, 3, 10);

        String json = mapper.writeValueAsString(original);
        PageResponse<Item> copy = mapper.readValue(json, new TypeReference<PageResponse<Item>>() { });

        assertThat(json).contains("\"totalPages\":3", "\"page\":3", "\"total\":21");
        assertThat(copy).usingRecursiveComparison().isEqualTo(original);
        assertThat(copy.getTotalPages()).isEqualTo(3);
    }

    @Test
    void failureSurvivesJackson() throws IOException {
        BaseResponse original = new BaseResponse();
        original.markFailure(CommonErrorCode.UNAUTHORIZED);

        String json = mapper.writeValueAsString(original);
        BaseResponse copy = mapper.readValue(json, BaseResponse.class);

        assertThat(json).contains("\"success\":false", "\"code\":\"UNAUTHORIZED\"");
        assertThat(copy).usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    void everyResponseSurvivesJavaSerialization() throws IOException, ClassNotFoundException {
        List<BaseResponse> originals = List.of(
                SingleResponse.of(new Item("ape #1", 990)),
                MultiResponse.of(List.of(new Item("a", 1))),
                PageResponse.of(List.of(new Item("b", 2)), 11, 2, 10),
                PageResponse.fail("PAGE_GONE", "The page is gone."));

        for (BaseResponse original : originals) {
            Object copy = javaRoundTrip(original);
            assertThat(copy).isInstanceOf(original.getClass());
            assertThat(copy).usingRecursiveComparison().isEqualTo(original);
        }
    }

    private static Object javaRoundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
