package sohieu.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** One line of JSON for a benchmark's results. */
final class BenchJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BenchJson() {}

  static String line(Map<String, Object> values) throws JsonProcessingException {
    return MAPPER.writeValueAsString(values);
  }
}
