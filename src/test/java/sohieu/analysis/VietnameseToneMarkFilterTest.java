package sohieu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class VietnameseToneMarkFilterTest {
  private static String c(String s) {
    return VietnameseToneMarkFilter.canonical(s);
  }

  @Test
  void newStyleSpellingsGoToTraditionalPlacement() {
    String[][] pairs = {
        {"hoà", "hòa"}, {"thuỷ", "thủy"}, {"khoẻ", "khỏe"}, {"uỷ", "ủy"}, {"hoá", "hóa"}, {"xoá", "xóa"},
        {"toạ", "tọa"}, {"loã", "lõa"}, {"thoả", "thỏa"}, {"luỹ", "lũy"}, {"tuỳ", "tùy"}, {"quý", "quý"},
        {"hoè", "hòe"}, {"loè", "lòe"}, {"suý", "súy"}, {"khuỵ", "khụy"}
    };
    for (String[] p : pairs) {
      assertEquals(p[1], c(p[0]), p[0]);
      assertEquals(p[1], c(p[1]), p[1]);
    }
  }

  @Test
  void syllablesWhereBothConventionsAgreeStayAsTheyAre() {
    for (String w : List.of("nghị", "quyết", "người", "nước", "việt", "tuổi", "muốn", "hoàng", "hoạch", "huỳnh",
        "ngoài", "khuỷu", "ngoẹo", "của", "mùa", "hài", "gì", "gìn", "giữa", "giữ", "giếng", "quả", "quốc", "quỳnh",
        "chuyện", "thuở", "hưởng", "hữu", "cừu", "tiểu", "yến", "đảng", "trung", "ương", "bảy", "tấy", "đổi",
        "khoá", "oái", "ủy", "quỹ", "thủy", "hòa", "khỏe")) {
      String want = w.equals("khoá") ? "khóa" : w;
      assertEquals(want, c(w), w);
    }
  }

  @Test
  void misplacedMarksAreRepaired() {
    assertEquals("quá", c("qúa"));
    assertEquals("người", c("ngừơi"));
    assertEquals("việt", c("vịêt"));
    assertEquals("hoàng", c("hòang"));
    assertEquals("tuyển", c("tủyên"));
  }

  @Test
  void nonSyllablesAreLeftAlone() {
    for (String w : List.of("été", "café", "hoàhoà", "nghịquyết", "25-nq/tw", "x", "", "hòa1", "bình", "tw",
        "straße", "paris", "ắ", "fòa", "hoaàn")) {
      assertEquals(w, c(w), w);
    }
  }

  /**
   * Exhaustive over rhymes and tones: the "new" placement (on the main vowel: second vowel of open oa, oe, uy) and
   * the traditional one must give the same canonical syllable, which is the traditional one.
   */
  @Test
  void exhaustiveOverRhymesInitialsAndTones() {
    String[] initials = {"", "b", "ch", "đ", "gh", "kh", "ngh", "nh", "th", "tr", "x", "l"};
    // nucleus, final, index of the traditional mark in the nucleus, index of the new-style mark
    Object[][] rhymes = {
        {"a", "", 0, 0}, {"o", "ng", 0, 0}, {"oa", "", 0, 1}, {"oe", "", 0, 1}, {"uy", "", 0, 1},
        {"oa", "n", 1, 1}, {"oa", "ch", 1, 1}, {"oe", "t", 1, 1}, {"uy", "nh", 1, 1}, {"ai", "", 0, 0},
        {"ao", "", 0, 0}, {"au", "", 0, 0}, {"ay", "", 0, 0}, {"ia", "", 0, 0}, {"ua", "", 0, 0},
        {"ui", "", 0, 0}, {"oi", "", 0, 0}, {"eo", "", 0, 0}, {"iu", "", 0, 0}, {"oai", "", 1, 1},
        {"oay", "", 1, 1}, {"uya", "", 1, 1}, {"uyu", "", 1, 1}, {"oeo", "", 1, 1}, {"ươ", "ng", 1, 1},
        {"ươi", "", 1, 1}, {"iê", "n", 1, 1}, {"yê", "u", 1, 1}, {"uô", "c", 1, 1}, {"uyê", "t", 2, 2},
        {"ưa", "", 0, 0}, {"âu", "", 0, 0}, {"ơi", "", 0, 0}, {"uâ", "n", 1, 1}, {"ă", "m", 0, 0}
    };
    char[] tones = {'\u0300', '\u0301', '\u0309', '\u0303', '\u0323'};
    int checked = 0;
    for (String ini : initials) {
      for (Object[] r : rhymes) {
        String nucleus = (String) r[0];
        String fin = (String) r[1];
        if (fin.equals("u") && !nucleus.equals("yê")) continue;
        for (char tone : tones) {
          String oldStyle = ini + mark(nucleus, (int) r[2], tone) + fin;
          String newStyle = ini + mark(nucleus, (int) r[3], tone) + fin;
          if (nucleus.equals("yê") && fin.equals("u")) { // iêu/yêu: "u" here is part of the nucleus
            oldStyle = ini + mark("yêu", 1, tone);
            newStyle = oldStyle;
          }
          assertEquals(oldStyle, c(newStyle), newStyle);
          assertEquals(oldStyle, c(oldStyle), oldStyle);
          assertEquals(oldStyle, c(Normalizer.normalize(oldStyle, Normalizer.Form.NFC)), oldStyle);
          checked++;
        }
      }
    }
    assertEquals(initials.length * 5 * rhymes.length, checked);
  }

  private static String mark(String nucleus, int at, char tone) {
    String s = nucleus.substring(0, at + 1) + tone + nucleus.substring(at + 1);
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  @Test
  void everyTonedVowelIsInTheTable() {
    for (char v : VietnameseToneMarkFilter.VOWELS.toCharArray()) {
      for (char t : new char[] {'\u0300', '\u0301', '\u0309', '\u0303', '\u0323'}) {
        String toned = Normalizer.normalize(v + "" + t, Normalizer.Form.NFC);
        assertEquals(1, toned.length());
        assertEquals("b" + toned, c("b" + toned)); // single-vowel syllable keeps its mark
      }
    }
  }
}
