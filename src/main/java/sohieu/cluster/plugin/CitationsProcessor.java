package sohieu.cluster.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.ingest.AbstractProcessor;
import org.opensearch.ingest.ConfigurationUtils;
import org.opensearch.ingest.IngestDocument;
import org.opensearch.ingest.Processor;
import sohieu.Limits;
import sohieu.cluster.ClusterSchema;
import sohieu.refs.Citation;
import sohieu.refs.CitationRecognizer;

/**
 * The ingest processor {@value #TYPE}: Sohieu's citation recognizer on a text field, so that documents that reach the
 * cluster by other routes than {@code sohieu ingest} carry the same mentions.
 *
 * <pre>
 * { "sohieu_citations": { "field": "text", "target_field": "mentions", "ignore_missing": false } }
 * </pre>
 * Each mention is an object with the fields of {@link Citation} as {@code scan --json} writes them: canonical, raw,
 * kind, type, issuer, number, year, issued (ISO date), start and end (char offsets in the field), confidence and
 * sentence; at most {@link Limits#CITATIONS_PER_FILE} of them, as a local ingest keeps.
 */
public final class CitationsProcessor extends AbstractProcessor {
  public static final String TYPE = "sohieu_citations";

  private final String field;
  private final String targetField;
  private final boolean ignoreMissing;

  CitationsProcessor(String tag, String description, String field, String targetField, boolean ignoreMissing) {
    super(tag, description);
    this.field = field;
    this.targetField = targetField;
    this.ignoreMissing = ignoreMissing;
  }

  @Override
  public IngestDocument execute(IngestDocument document) {
    String text = document.getFieldValue(field, String.class, ignoreMissing);
    if (text == null) {
      if (ignoreMissing) return document;
      throw new IllegalArgumentException("field [" + field + "] is null, cannot recognize citations");
    }
    document.setFieldValue(targetField, mentions(text));
    return document;
  }

  /** The mentions of a text as the processor writes them. */
  public static List<Map<String, Object>> mentions(String text) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Citation c : CitationRecognizer.standard().scan(text, Limits.CITATIONS_PER_FILE)) {
      out.add(ClusterSchema.mention(c));
    }
    return out;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  static final class Factory implements Processor.Factory {
    @Override
    public Processor create(Map<String, Processor.Factory> registry, String tag, String description,
                            Map<String, Object> config) {
      String field = ConfigurationUtils.readStringProperty(TYPE, tag, config, "field", "text");
      String target = ConfigurationUtils.readStringProperty(TYPE, tag, config, "target_field", "mentions");
      boolean ignoreMissing = ConfigurationUtils.readBooleanProperty(TYPE, tag, config, "ignore_missing", false);
      return new CitationsProcessor(tag, description, field, target, ignoreMissing);
    }
  }
}
