package io.tradekit.core.log;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Builds the one Jackson {@link ObjectWriter} behind every {@link MaskingJsonWriter}: fields only,
 * nulls omitted, ISO dates, masking, cycle guard, bounded depth and line-break escaping.
 */
final class LogJsonMapper {

    /** Nesting beyond this fails the write (caught by the caller): a last resort against recursion. */
    static final int MAX_NESTING_DEPTH = 64;

    /** Shared by all writers: an ObjectWriter is immutable and thread-safe, and caches serializers. */
    static final ObjectWriter WRITER = create();

    private LogJsonMapper() {
    }

    private static ObjectWriter create() {
        JsonFactory factory = new JsonFactoryBuilder()
                .characterEscapes(new LineBreakEscapes())
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
        SimpleModule logModule = new SimpleModule("tradekit-log");
        logModule.setSerializerModifier(new MaskingSerializerModifier());
        logModule.addSerializer(new OptionalContentSerializer());
        return JsonMapper.builder(factory)
                .annotationIntrospector(new LogAnnotationIntrospector())
                .addModule(new JavaTimeModule())
                .addModule(logModule)
                // Fields only: a getter may compute, lazy-load from a database or throw.
                .visibility(PropertyAccessor.ALL, Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, Visibility.ANY)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.USE_DEFAULTS))
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS,
                        // The CycleGuardSerializer writes a marker instead of failing the whole line.
                        SerializationFeature.FAIL_ON_SELF_REFERENCES,
                        SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                        SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build()
                .writer();
    }
}
