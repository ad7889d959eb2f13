package io.tradekit.core.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Hides the fields of JDK classes (and of any class whose package is not open to Jackson) from
 * field-based serialization, leaving their rendering to {@link MaskingSerializerModifier}.
 *
 * <p>Without it, a bean holding a {@code Thread} or extending a JDK class would fail as a whole:
 * Java 17 refuses {@code setAccessible} on private JDK fields.
 */
final class LogAnnotationIntrospector extends JacksonAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    private static final Module JACKSON = ObjectMapper.class.getModule();

    @Override
    public boolean hasIgnoreMarker(AnnotatedMember member) {
        return isOpaque(member.getDeclaringClass()) || super.hasIgnoreMarker(member);
    }

    /**
     * Tells whether the private state of a type is off limits for logging.
     *
     * @param type the class
     * @return {@code true} for JDK classes and for classes in packages not open to Jackson
     */
    static boolean isOpaque(Class<?> type) {
        Module module = type.getModule();
        if (!module.isNamed()) {
            return false;
        }
        String name = module.getName();
        return name.startsWith("java.") || name.startsWith("jdk.")
                || !module.isOpen(type.getPackageName(), JACKSON);
    }
}
