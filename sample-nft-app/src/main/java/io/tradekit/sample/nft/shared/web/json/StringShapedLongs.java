package io.tradekit.sample.nft.shared.web.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads a {@code long} declared {@code @JsonFormat(shape = STRING)} from the JSON string the API
 * writes for it ({@code "tokenId": "7254…"}), strictly: optional minus and 1–19 ASCII digits, or a
 * JSON integer. Every other long keeps Jackson's own deserializer, which the strict coercion rules
 * of {@link StrictJsonConfiguration} forbid to read strings.
 */
final class StringShapedLongs extends StdScalarDeserializer<Long> implements ContextualDeserializer {

    private static final long serialVersionUID = 1L;
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");

    private final boolean primitive;

    private StringShapedLongs(boolean primitive) {
        super(primitive ? Long.TYPE : Long.class);
        this.primitive = primitive;
    }

    /** The contextual entry for {@code long} or {@code Long}. */
    static StringShapedLongs of(boolean primitive) {
        return new StringShapedLongs(primitive);
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        if (property != null
                && property.findPropertyFormat(ctxt.getConfig(), handledType()).getShape() == JsonFormat.Shape.STRING) {
            return this;
        }
        return NumberDeserializers.find(primitive ? Long.TYPE : Long.class, primitive ? "long" : "java.lang.Long");
    }

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
            return p.getLongValue();
        }
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            String text = p.getText().trim();
            if (DECIMAL.matcher(text).matches()) {
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException overflow) {
                    // falls through to the refusal below
                }
            }
            return (Long) ctxt.handleWeirdStringValue(handledType(), text, "not a decimal long");
        }
        return (Long) ctxt.handleUnexpectedToken(handledType(), p);
    }

    @Override
    public Long getNullValue(DeserializationContext ctxt) {
        return primitive ? 0L : null;
    }
}
