package sohieu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sohieu.analysis.TokenAssert.assertAnalyzesTo;
import static sohieu.analysis.TokenAssert.assertSameTerms;
import static sohieu.analysis.TokenAssert.assertTerms;
import static sohieu.analysis.TokenAssert.shareTerm;
import static sohieu.analysis.TokenAssert.terms;
import static sohieu.analysis.TokenAssert.tokens;

import java.text.Normalizer;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class LanguageAnalyzersTest {
  private static final Analyzer VI = LanguageAnalyzers.forLanguage("vi");
  private static final Analyzer RU = LanguageAnalyzers.forLanguage("ru");
  private static final Analyzer FR = LanguageAnalyzers.forLanguage("fr");
  private static final Analyzer PL = LanguageAnalyzers.forLanguage("pl");
  private static final Analyzer EN = LanguageAnalyzers.forLanguage("en");
  private static final Analyzer UND = LanguageAnalyzers.forLanguage("und");
  private static final Analyzer FOLDED = LanguageAnalyzers.folded();

  private static String nfd(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD);
  }

  // ---- contract ----

  @Test
  void fieldsAndLanguages() {
    assertEquals(List.of("vi", "ru", "fr", "pl", "en", "und"), LanguageAnalyzers.LANGUAGES);
    assertEquals("text_vi", LanguageAnalyzers.field("vi"));
    assertEquals("text_und", LanguageAnalyzers.field("und"));
    assertEquals(terms(UND, "Đảng Été"), terms(LanguageAnalyzers.forLanguage("de"), "Đảng Été"));
    assertEquals(terms(UND, "Đảng Été"), terms(LanguageAnalyzers.forLanguage(null), "Đảng Été"));
  }

  @Test
  void perFieldRoutesByFieldName() {
    Analyzer pf = LanguageAnalyzers.perField();
    String ru = "дипломатии";
    assertEquals(terms(RU, ru), TokenAssert.terms(pf, ru).isEmpty() ? List.of() : tokens(pf, "text_ru", ru).stream().map(TokenAssert.Tok::term).toList());
    assertEquals(List.of("hòa"), tokens(pf, "text_vi", "hoà").stream().map(TokenAssert.Tok::term).toList());
    assertEquals(List.of("hoa"), tokens(pf, "text_folded", "hoà").stream().map(TokenAssert.Tok::term).toList());
    assertEquals(List.of("hoa"), tokens(pf, "something_else", "hoà").stream().map(TokenAssert.Tok::term).toList());
    assertEquals(List.of("uchwała"), tokens(pf, "text_pl", "uchwały").stream().map(TokenAssert.Tok::term).toList());
    assertEquals(List.of("etrang"), tokens(pf, "text_fr", "l'étranger").stream().map(TokenAssert.Tok::term).toList());
    assertEquals(List.of("parti"), tokens(pf, "text_en", "party's").stream().map(TokenAssert.Tok::term).toList());
    assertEquals(List.of("ete"), tokens(pf, "text_und", "ÉTÉ").stream().map(TokenAssert.Tok::term).toList());
  }

  // ---- Vietnamese ----

  @Test
  void vietnameseOldAndNewTonePlacementGiveTheSameTokens() {
    assertSameTerms(VI, "hoà bình", "hòa bình");
    assertSameTerms(VI, "Thuỷ lợi", "thủy lợi");
    assertSameTerms(VI, "sức khoẻ", "sức khỏe");
    assertSameTerms(VI, "Uỷ ban Trung ương", "Ủy ban Trung ương");
    assertTerms(VI, "Hoà bình", "hòa", "bình");
  }

  @Test
  void vietnameseNfdAndUpperCaseMatchNfc() {
    String s = "Nghị quyết của Bộ Chính trị về hội nhập quốc tế";
    assertSameTerms(VI, s, nfd(s));
    assertSameTerms(VI, s, s.toUpperCase(java.util.Locale.ROOT));
    assertSameTerms(VI, "hòa bình", nfd("hoà bình"));
  }

  @Test
  void vietnameseKeepsDiacriticsSoDifferentWordsStayApart() {
    assertFalse(shareTerm(VI, "nghị", "nghĩ"));
    assertFalse(shareTerm(VI, "nghị quyết", "nghi quyet"));
  }

  @Test
  void vietnameseOffsetsAndPositionsExactly() {
    assertAnalyzesTo(VI, "Hoà bình, thuỷ lợi.",
        new String[] {"hòa", "bình", "thủy", "lợi"}, new int[] {0, 4, 10, 15}, new int[] {3, 8, 14, 18}, null);
  }

  @Test
  void vietnameseWordsAreTheFoldedQueryWordsWithTheirMarks() {
    // A form's blanks are no words; a Vietnamese word splits where the folded analyzer splits the query typed
    // without marks, so every folded query word has the text_vi terms it is expanded over.
    String form = "Họ và tên: ____________ Ngày sinh: 12/3/1990 (số CMND/CCCD_2) e-mail: vp@dangcongsan.vn";
    assertTerms(VI, form,
        new String[] {"họ", "và", "tên", "ngày", "sinh", "12", "3", "1990", "số", "cmnd", "cccd_2", "e", "mail", "vp", "dangcongsan.vn"});
    List<String> folded = terms(FOLDED, form);
    assertEquals(folded, terms(VI, form).stream().map(t -> FOLDED.normalize(LanguageAnalyzers.FOLDED_FIELD, t).utf8ToString()).toList());
  }

  // ---- folded ----

  @Test
  void foldedMatchesUnaccentedUpperCaseAndNfdVietnamese() {
    List<String> want = List.of("nghi", "quyet");
    assertEquals(want, terms(FOLDED, "nghi quyet"));
    assertEquals(want, terms(FOLDED, "Nghị quyết"));
    assertEquals(want, terms(FOLDED, "NGHỊ QUYẾT"));
    assertEquals(want, terms(FOLDED, nfd("Nghị quyết")));
    assertEquals(want, terms(FOLDED, "Nghị Quyết"));
    assertTerms(FOLDED, "Đảng Cộng sản Việt Nam", "dang", "cong", "san", "viet", "nam");
    assertTerms(FOLDED, "đồng chí Lê Đức Anh", "dong", "chi", "le", "duc", "anh");
  }

  @Test
  void foldedFoldsOtherScriptsAndLanguagesToo() {
    assertTerms(FOLDED, "L’étranger, l'Élysée", "etranger", "elysee");
    assertTerms(FOLDED, "Łódź, współpraca", "lodz", "wspolpraca");
    assertTerms(FOLDED, "ещё Ёлка", "еще", "елка");
    assertTerms(FOLDED, "Vietnam's party", "vietnam", "party");
  }

  // ---- Russian ----

  @Test
  void russianInflectionsShareAStem() {
    assertSameTerms(RU, "дипломатия", "дипломатии");
    assertSameTerms(RU, "Постановление", "постановления");
    assertTrue(shareTerm(RU, "Заключения 43-KL/TW", "заключение"));
  }

  @Test
  void russianYoIsYe() {
    assertSameTerms(RU, "ещё", "еще");
    assertSameTerms(RU, "Ёлка", "елка");
    assertSameTerms(RU, "секретарём", "секретарем");
  }

  @Test
  void russianFoldsLatinNamesButNotCyrillicLetters() {
    // A Vietnamese name in Russian text is found typed without diacritics: ru paragraphs have no folded copy.
    assertSameTerms(RU, "Nguyễn Phú Trọng", "nguyen phu trong");
    assertSameTerms(RU, "Đà Nẵng", "da nang");
    assertFalse(shareTerm(RU, "йод", "иод"), "folding would merge й and и");
    assertSameTerms(RU, "ещё Nguyễn", "еще NGUYEN");
  }

  // ---- French ----

  @Test
  void frenchElisionStemmingAndFolding() {
    assertTrue(shareTerm(FR, "étranger", "l'étranger"));
    assertTrue(shareTerm(FR, "étranger", "l’étranger"));
    assertTrue(shareTerm(FR, "étrangers", "L'ÉTRANGER"));
    assertTrue(shareTerm(FR, "etranger", "l'étranger"));
    assertSameTerms(FR, "d'Hanoï qu'il", "Hanoi il");
    assertAnalyzesTo(FR, "Vers l'étranger",
        new String[] {"ver", "etrang"}, new int[] {0, 5}, new int[] {4, 15}, null);
  }

  // ---- Polish ----

  @Test
  void polishInflectionsShareAStem() {
    assertSameTerms(PL, "uchwała", "uchwały");
    assertSameTerms(PL, "uchwała", "uchwale");
    assertSameTerms(PL, "Dyplomacja", "dyplomacji");
    assertSameTerms(PL, "Wietnamu", "wietnamem");
    assertTrue(shareTerm(PL, "umowa", "umów"));
  }

  @Test
  void polishAmbiguousFormsStackAtOnePosition() {
    List<TokenAssert.Tok> toks = tokens(PL, "umów się");
    assertEquals(1, toks.get(0).posInc());
    assertTrue(toks.stream().skip(1).anyMatch(t -> t.posInc() == 0), toks.toString());
  }

  // ---- English ----

  @Test
  void englishPossessivesAndStemming() {
    assertSameTerms(EN, "the Party's resolutions", "the party resolution");
    assertSameTerms(EN, "Vietnam’s", "Vietnam");
  }

  // ---- und ----

  @Test
  void englishFoldsAccents() {
    assertSameTerms(EN, "Nguyễn Phú Trọng's visit", "nguyen phu trong visit");
    assertSameTerms(EN, "café", "cafe");
  }

  @Test
  void undNormalizesAndFoldsOnly() {
    assertTerms(UND, "ＮＱ Đảng ÉTÉ resolutions", "nq", "dang", "ete", "resolutions");
  }

  // ---- normalize() for prefix and wildcard queries ----

  @Test
  void normalizeMatchesTheIndexedFormWithoutStemming() {
    assertEquals(new BytesRef("hòa"), VI.normalize("f", "HOÀ"));
    assertEquals(new BytesRef("nghi"), FOLDED.normalize("f", "Nghị"));
    assertEquals(new BytesRef("еще"), RU.normalize("f", "ЕЩЁ"));
    assertEquals(new BytesRef("etranger"), FR.normalize("f", "L'Étranger"));
  }

  @Test
  void phrasesWithinTheGapNeverJoinTwoParagraphs() {
    for (String lang : LanguageAnalyzers.LANGUAGES) {
      Analyzer analyzer = LanguageAnalyzers.forLanguage(lang);
      MemoryIndex twoParagraphs = new MemoryIndex();
      twoParagraphs.addField("f", "alpha", analyzer);
      twoParagraphs.addField("f", "omega", analyzer);
      MemoryIndex oneParagraph = new MemoryIndex();
      oneParagraph.addField("f", "alpha omega", analyzer);
      for (int slop = 0; slop < ChainAnalyzer.POSITION_GAP; slop++) {
        Query phrase = new QueryBuilder(analyzer).createPhraseQuery("f", "alpha omega", slop);
        assertEquals(0f, twoParagraphs.search(phrase), lang + " slop " + slop);
        assertTrue(oneParagraph.search(phrase) > 0, lang + " slop " + slop);
      }
      Query joining = new QueryBuilder(analyzer).createPhraseQuery("f", "alpha omega", ChainAnalyzer.POSITION_GAP);
      assertTrue(twoParagraphs.search(joining) > 0, lang);
    }
  }
}
