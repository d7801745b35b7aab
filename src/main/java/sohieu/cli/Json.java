package sohieu.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Locale;
import sohieu.refs.Citation;

/** The one Jackson configuration behind every JSON byte the CLI prints and the service answers. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .registerModule(new SimpleModule().addSerializer(Citation.Kind.class, new JsonSerializer<>() {
        @Override
        public void serialize(Citation.Kind kind, JsonGenerator gen, SerializerProvider provider) throws IOException {
          gen.writeString(kind.name().toLowerCase(Locale.ROOT));
        }
      }))
      .addMixIn(Citation.class, CitationShape.class)
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE) // jq-friendly, one style for every command
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** Every variant of a citation in one JSON shape: its kind is a field, as in the README. */
  @JsonPropertyOrder({"canonical", "raw", "kind", "type", "issuer", "number", "year", "issued", "start", "end",
      "confidence", "sentence"})
  private interface CitationShape {
    @JsonProperty("kind")
    Citation.Kind kind();
  }

  private Json() {}
}
