package io.tradekit.core.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Optional;

/**
 * Writes an {@link Optional} as its content (or {@code null}) through the provider, so that a
 * bean inside it is still masked by {@link MaskingSerializerModifier}; Jackson refuses
 * {@code Optional} without the jdk8 module, which core does not depend on.
 */
final class OptionalContentSerializer extends StdSerializer<Optional<?>> {

    private static final long serialVersionUID = 1L;

    OptionalContentSerializer() {
        super(Optional.class, false);
    }

    @Override
    public void serialize(Optional<?> value, JsonGenerator gen, SerializerProvider prov) throws IOException {
        if (value.isPresent()) {
            prov.defaultSerializeValue(value.get(), gen);
        } else {
            gen.writeNull();
        }
    }

    @Override
    public boolean isEmpty(SerializerProvider prov, Optional<?> value) {
        return value.isEmpty();
    }
}
