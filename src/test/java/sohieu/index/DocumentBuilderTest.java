package sohieu.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;
import sohieu.extract.ExtractedDocument;
import sohieu.lang.Paragraph;
import sohieu.pipeline.Article;
import sohieu.refs.Citation;
import sohieu.schema.Fields;
import sohieu.schema.Mentions;
import sohieu.schema.RefData;

/** Whatever a recognizer or a metadata reader leaves empty, the document is built with what is known. */
class DocumentBuilderTest {
  @Test
  void missingTypesIssuersAndMetadataAreLeftOutNotRefused() throws Exception {
    String text = "Căn cứ Luật Đất đai số 31/2024/QH15 và Mẫu số 01/GTGT-BL.";
    List<Citation> citations = List.of(
        Citation.of(Citation.Kind.EXPLICIT, "31/2024/QH15", "31/2024/QH15", null, "QH15", "31", 2024, null, 21, 33, 1.0, text),
        Citation.of(null, "01/GTGT-BL", "01/GTGT-BL", null, null, null, null, null, 44, 54, 1.0, null),
        Citation.of(Citation.Kind.PARTIAL, null, "???", null, null, null, null, null, 0, 3, 0.1, text));
    ExtractedDocument d = new ExtractedDocument(text, " ", null, "", null, null);
    Article article = new Article("docs/luat.txt", "00", text.length(), d, List.of(new Paragraph(0, text.length(), "vi")),
        citations, null, null);
    Document doc = new DocumentBuilder().build(article);
    assertEquals(List.of("31/2024/QH15", "01/GTGT-BL"), RefData.decode(doc.getBinaryValue(Fields.REF_DATA), c -> true)
        .stream().map(RefData.Entry::canonical).toList());
    assertEquals(List.of("QH15"), Arrays.stream(doc.getFields(Fields.REF_ISSUER)).map(IndexableField::stringValue).toList());
    assertEquals(0, doc.getFields(Fields.REF_TYPE).length);
    assertNull(doc.get(Fields.TITLE));
    assertNull(doc.get(Fields.OUTLET));
    assertNull(doc.get(Fields.SELF_REF));
    Mentions.Card card = Mentions.decode(doc.getBinaryValue(Fields.MENTIONS));
    assertEquals(2, card.mentions().size());
    assertEquals(Citation.Kind.EXPLICIT, card.mentions().get(1).kind(), "a mention without kind reads as explicit");
    assertNull(card.mentions().get(1).type());
  }
}
