package io.tradekit.core.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Wraps a bean serializer so that a bean met again inside itself (a back reference, directly or
 * through collections) is written as {@value #CYCLE_MARKER} instead of recursing until the stack
 * overflows; installed by {@link MaskingSerializerModifier}.
 */
final class CycleGuardSerializer extends JsonSerializer<Object> implements ContextualSerializer, ResolvableSerializer {

    static final String CYCLE_MARKER = "<cycle>";

    // A per-call attribute: each writeValue() call gets its own path, so no ThreadLocal to leak.
    private static final Object PATH_KEY = CycleGuardSerializer.class;

    private final JsonSerializer<Object> delegate;

    CycleGuardSerializer(JsonSerializer<Object> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider prov) throws IOException {
        Deque<Object> path = path(prov);
        if (isOnPath(path, value)) {
            gen.writeString(CYCLE_MARKER);
            return;
        }
        path.push(value);
        try {
            delegate.serialize(value, gen, prov);
        } finally {
            path.pop();
        }
    }

    @Override
    public void serializeWithType(Object value, JsonGenerator gen, SerializerProvider prov, TypeSerializer typeSer)
            throws IOException {
        Deque<Object> path = path(prov);
        if (isOnPath(path, value)) {
            gen.writeString(CYCLE_MARKER);
            return;
        }
        path.push(value);
        try {
            delegate.serializeWithType(value, gen, prov, typeSer);
        } finally {
            path.pop();
        }
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

    private static Deque<Object> path(SerializerProvider prov) {
        Object existing = prov.getAttribute(PATH_KEY);
        if (existing instanceof Deque<?>) {
            @SuppressWarnings("unchecked")
            Deque<Object> path = (Deque<Object>) existing;
            return path;
        }
        Deque<Object> path = new ArrayDeque<>();
        prov.setAttribute(PATH_KEY, path);
        return path;
    }

    // Identity, not equals(): equals() is user code that may be expensive, lazy-load or throw.
    private static boolean isOnPath(Deque<Object> path, Object value) {
        for (Object ancestor : path) {
            if (ancestor == value) {
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
