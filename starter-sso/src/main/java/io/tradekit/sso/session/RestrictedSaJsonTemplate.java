package io.tradekit.sso.session;

import cn.dev33.satoken.json.SaJsonTemplateForJackson;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import java.util.ArrayList;
import java.util.List;

/**
 * Sa-Token's Jackson serializer for sessions in Redis, with the class names in {@code @class}
 * restricted to Sa-Token's own types, {@code java.lang}/{@code java.util}/{@code java.time}/
 * {@code java.math} and the packages the application allows. Sa-Token's default accepts any class,
 * which turns whoever can write to the Redis into whoever can run code in every instance.
 */
public class RestrictedSaJsonTemplate extends SaJsonTemplateForJackson {

    private static final List<String> ALWAYS_ALLOWED = List.of(
            "cn.dev33.satoken.", "java.lang.", "java.util.", "java.time.", "java.math.");

    /**
     * @param extraPackages further package prefixes whose classes may be stored in sessions,
     *                      e.g. {@code com.example.user.} (a trailing dot is added when missing)
     */
    public RestrictedSaJsonTemplate(List<String> extraPackages) {
        BasicPolymorphicTypeValidator.Builder validator = BasicPolymorphicTypeValidator.builder();
        List<String> prefixes = new ArrayList<>(ALWAYS_ALLOWED);
        for (String extra : extraPackages) {
            if (extra == null || extra.isBlank()) {
                continue;
            }
            String prefix = extra.trim();
            prefixes.add(prefix.endsWith(".") ? prefix : prefix + ".");
        }
        prefixes.forEach(validator::allowIfSubType);
        // Arrays of allowed types ("[Ljava.lang.String;") are checked by their element type.
        validator.allowIfSubTypeIsArray();
        // Replaces the permissive typing set up by the parent constructor; everything else stays.
        objectMapper.activateDefaultTyping(validator.build(), ObjectMapper.DefaultTyping.NON_FINAL,
                JsonTypeInfo.As.PROPERTY);
    }
}
