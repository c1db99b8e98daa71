package io.floe.runtime.rest.messages;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Builds the Jackson mapper for REST bodies and for the job graph file of a submission.
 *
 * <p>Readers ignore fields they do not know, so a Floe client can read a newer server's answers
 * (and a Flink server's extras). Only records travel, bound to their declared types: no default or
 * polymorphic typing, so a body never chooses a class. The returned mapper is thread-safe once built.
 */
public final class RestJsonMapper {
    private RestJsonMapper() {}

    public static ObjectMapper create() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // a body is its record components: derived views such as isFree() stay out of the JSON
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                // EmptyResponseBody is written as {}
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }
}
