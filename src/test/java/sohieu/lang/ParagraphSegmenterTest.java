package sohieu.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParagraphSegmenterTest {
  final ParagraphSegmenter seg = ParagraphSegmenter.standard();

  @Test
  void splitsAtLineBreaksWithTrimmedOffsets() {
    String text = "  Рабочая делегация Центрального комитета  \n\nNâng cao nghiệp vụ cho đội ngũ cán bộ\r\n2021–2026\n";
    List<Paragraph> ps = seg.segment(text);
    assertEquals(3, ps.size());
    assertEquals("Рабочая делегация Центрального комитета", text.substring(ps.get(0).start(), ps.get(0).end()));
    assertEquals(List.of("ru", "vi", "und"), ps.stream().map(Paragraph::lang).toList());
    assertEquals("2021–2026", text.substring(ps.get(2).start(), ps.get(2).end()));
  }

  @Test
  void vietnameseCaptionInsideRussianArticleStaysVietnamese() {
    String text = """
        Центральный комитет по мобилизации масс продолжает тесно взаимодействовать с партийным комитетом.
        Đoàn công tác làm việc với Bộ Ngoại giao
        Рабочая делегация Центрального комитета по массовой мобилизации совместно с партийным комитетом.
        """;
    assertEquals(List.of("ru", "vi", "ru"), seg.segment(text).stream().map(Paragraph::lang).toList());
  }

  @Test
  void shortWeakLineTakesItsNeighboursLanguage() {
    // "Source" alone is as English as it is French; between French paragraphs it is French
    String text = """
        Le secrétaire du Parti, Bui Thanh Son, a affirmé que les résultats ci-dessus constituent une base importante.

        Source

        Scène de la réunion matinale du 22 décembre, pendant la conférence diplomatique au ministère.
        """;
    assertEquals(List.of("fr", "fr", "fr"), seg.segment(text).stream().map(Paragraph::lang).toList());
  }
}
