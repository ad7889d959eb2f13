package io.tradekit.core.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;

/**
 * Writes a {@link Sensitive} property as its masked form (see {@link SensitiveValues}) instead of
 * its value, installed by {@link MaskingSerializerModifier}.
 */
final class MaskedPropertyWriter extends BeanPropertyWriter {

    private static final long serialVersionUID = 1L;

    private final SensitiveType type;

    MaskedPropertyWriter(BeanPropertyWriter base, SensitiveType type) {
        super(base);
        this.type = type;
    }

    private MaskedPropertyWriter(MaskedPropertyWriter base, PropertyName name) {
        super(base, name);
        this.type = base.type;
    }

    @Override
    protected BeanPropertyWriter _new(PropertyName newName) {
        // Keeps the masking when Jackson renames the property (naming strategies, unwrapping).
        return new MaskedPropertyWriter(this, newName);
    }

    @Override
    public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        Object value = get(bean);
        if (value == null) {
            // Lets the standard code apply the null-inclusion rule.
            super.serializeAsField(bean, gen, prov);
            return;
        }
        gen.writeFieldName(_name);
        prov.defaultSerializeValue(SensitiveValues.mask(value, type), gen);
    }

    @Override
    public void serializeAsElement(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        Object value = get(bean);
        if (value == null) {
            super.serializeAsElement(bean, gen, prov);
            return;
        }
        prov.defaultSerializeValue(SensitiveValues.mask(value, type), gen);
    }
}
