package io.tradekit.core.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;
import java.io.IOException;

/**
 * Wraps a bean serializer so that a bean met again inside itself (a back reference, directly or
 * through collections) is written as {@value #CYCLE_MARKER} instead of recursing until the stack
 * overflows; installed by {@link MaskingSerializerModifier}.
 */
final class CycleGuardSerializer extends JsonSerializer<Object> implements ContextualSerializer, ResolvableSerializer {

    static final String CYCLE_MARKER = "<cycle>";

    private final JsonSerializer<Object> delegate;

    CycleGuardSerializer(JsonSerializer<Object> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider prov) throws IOException {
        if (isOnPath(gen, value)) {
            gen.writeString(CYCLE_MARKER);
            return;
        }
        delegate.serialize(value, gen, prov);
    }

    @Override
    public void serializeWithType(Object value, JsonGenerator gen, SerializerProvider prov, TypeSerializer typeSer)
            throws IOException {
        if (isOnPath(gen, value)) {
            gen.writeString(CYCLE_MARKER);
            return;
        }
        delegate.serializeWithType(value, gen, prov, typeSer);
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider prov, BeanProperty property)
            throws JsonMappingException {
        JsonSerializer<?> contextual = prov.handleSecondaryContextualization(delegate, property);
        return contextual == delegate ? this : new CycleGuardSerializer(asObjectSerializer(contextual));
    }

    @Override
    public void resolve(SerializerProvider prov) throws JsonMappingException {
        if (delegate instanceof ResolvableSerializer resolvable) {
            resolvable.resolve(prov);
        }
    }

    @Override
    public JsonSerializer<Object> unwrappingSerializer(NameTransformer unwrapper) {
        // An unwrapped bean writes no object of its own, so there is nothing to guard.
        return delegate.unwrappingSerializer(unwrapper);
    }

    @Override
    public boolean isEmpty(SerializerProvider prov, Object value) {
        return delegate.isEmpty(prov, value);
    }

    @Override
    public boolean usesObjectId() {
        return delegate.usesObjectId();
    }

    @Override
    public Class<Object> handledType() {
        return delegate.handledType();
    }

    @Override
    public JsonSerializer<?> getDelegatee() {
        return delegate;
    }

    /*
     * The ancestors are already in the generator: every bean, array, collection and map serializer opens
     * its output context with the value it writes (writeStartObject(value) / writeStartArray(value, n)),
     * so walking the contexts up finds the path without any per-call state (a per-call path used to cost
     * a ContextAttributes copy and a deque on every log line). Identity, not equals(): equals() is user
     * code that may be expensive, lazy-load or throw.
     */
    private static boolean isOnPath(JsonGenerator gen, Object value) {
        for (JsonStreamContext context = gen.getOutputContext(); context != null; context = context.getParent()) {
            if (context.getCurrentValue() == value) {
                return true;
            }
        }
        return false;
    }

    // Safe: a bean serializer is only ever handed instances of the type it was built for.
    @SuppressWarnings("unchecked")
    private static JsonSerializer<Object> asObjectSerializer(JsonSerializer<?> serializer) {
        return (JsonSerializer<Object>) serializer;
    }
}
