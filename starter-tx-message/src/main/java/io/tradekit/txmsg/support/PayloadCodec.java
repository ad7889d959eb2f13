package io.tradekit.txmsg.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;

/** JSON (Jackson) encoding of message payloads. */
public final class PayloadCodec {

    private final ObjectMapper mapper;

    /** Creates a codec over the given mapper. */
    public PayloadCodec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** Serializes a payload to UTF-8 JSON bytes. */
    public byte[] encode(Object payload) throws JsonProcessingException {
        return mapper.writeValueAsBytes(payload);
    }

    /** Reads a payload of the given type from JSON bytes. */
    public <T> T decode(byte[] body, Class<T> type) throws IOException {
        return mapper.readValue(body, type);
    }
}
