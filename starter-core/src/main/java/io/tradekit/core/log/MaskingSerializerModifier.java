package io.tradekit.core.log;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.impl.UnknownSerializer;
import com.fasterxml.jackson.databind.ser.impl.UnsupportedTypeSerializer;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.util.ArrayList;
import java.util.List;

/**
 * Adapts Jackson's bean serializers for logging: {@link Sensitive} properties become
 * {@link MaskedPropertyWriter}s, beans get a {@link CycleGuardSerializer}, and JDK or unsupported
 * types without a dedicated serializer fall back to {@code toString()}.
 */
final class MaskingSerializerModifier extends BeanSerializerModifier {

    private static final long serialVersionUID = 1L;

    private static final Class<?>[] NO_PARAMETERS = new Class<?>[0];

    @Override
    public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription beanDesc,
            List<BeanPropertyWriter> properties) {
        List<BeanPropertyWriter> changed = new ArrayList<>(properties.size());
        for (BeanPropertyWriter property : properties) {
            Sensitive sensitive = findSensitive(beanDesc, property);
            changed.add(sensitive == null ? property : new MaskedPropertyWriter(property, sensitive.type()));
        }
        return changed;
    }

    @Override
    public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription beanDesc,
            JsonSerializer<?> serializer) {
        if (serializer instanceof UnsupportedTypeSerializer) {
            // Types Jackson refuses without an extra module (Joda, OptionalInt...): toString is enough for a log.
            return ToStringSerializer.instance;
        }
        boolean generic = serializer instanceof BeanSerializerBase || serializer instanceof UnknownSerializer;
        if (generic && LogAnnotationIntrospector.isOpaque(beanDesc.getBeanClass())) {
            // Their fields are hidden (see LogAnnotationIntrospector): toString says more than "{}".
            return ToStringSerializer.instance;
        }
        if (serializer instanceof BeanSerializerBase bean) {
            return new CycleGuardSerializer(bean);
        }
        return serializer;
    }

    private static Sensitive findSensitive(BeanDescription beanDesc, BeanPropertyWriter property) {
        Sensitive onMember = property.getAnnotation(Sensitive.class);
        if (onMember != null) {
            return onMember;
        }
        // The annotation may sit on the getter exposing the field: honour it without calling it.
        AnnotatedMember member = property.getMember();
        if (member == null) {
            return null;
        }
        String name = member.getName();
        String capitalized = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : new String[] {name, "get" + capitalized, "is" + capitalized}) {
            AnnotatedMethod method = beanDesc.findMethod(candidate, NO_PARAMETERS);
            if (method != null && method.hasAnnotation(Sensitive.class)) {
                return method.getAnnotation(Sensitive.class);
            }
        }
        return null;
    }
}
