package sohieu.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.List;
import sohieu.refs.Citation;

/** Stores a document's citation mentions in one stored field as JSON, and reads them back. */
public final class Mentions {
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final TypeReference<List<Citation>> LIST = new TypeReference<>() {};

  private Mentions() {}

  static String encode(List<Citation> citations) {
    try {
      return MAPPER.writeValueAsString(citations);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Citation> decode(String json) {
    if (json == null || json.isEmpty()) return List.of();
    try {
      return MAPPER.readValue(json, LIST);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("corrupt mentions field", e);
    }
  }
}
