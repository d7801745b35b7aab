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
import sohieu.refs.CitationRecognizer;

/**
 * Stores a document's citation mentions in one stored field as JSON, and reads them back. Sentences are not
 * stored: they are cut again from the stored text, which keeps the index small.
 */
public final class Mentions {
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
      .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final TypeReference<List<Citation>> LIST = new TypeReference<>() {};

  private Mentions() {}

  static String encode(List<Citation> citations) {
    try {
      return MAPPER.writeValueAsString(citations.stream().map(c -> new Citation(c.canonical(), c.raw(), c.kind(), c.type(),
          c.issuer(), c.number(), c.year(), c.issued(), c.start(), c.end(), c.confidence(), null)).toList());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The mentions stored for a document whose stored text is {@code text}, each with its sentence. */
  public static List<Citation> decode(String json, String text) {
    if (json == null || json.isEmpty()) return List.of();
    try {
      return MAPPER.readValue(json, LIST).stream().map(c -> new Citation(c.canonical(), c.raw(), c.kind(), c.type(),
          c.issuer(), c.number(), c.year(), c.issued(), c.start(), c.end(), c.confidence(),
          CitationRecognizer.sentence(text, c.start(), c.end()))).toList();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("corrupt mentions field", e);
    }
  }
}
