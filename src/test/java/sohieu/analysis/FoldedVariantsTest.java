package sohieu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spellings a folded term stands for in a casefolded field: those that fold to it, and only those. */
class FoldedVariantsTest {
  @ParameterizedTest(name = "{0}{1} accepts {2}: {3}")
  @CsvSource(delimiter = '|', value = {
      "a | '' | a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ | true",
      "d | '' | d đ | true",
      "nghi | '' | nghi nghì nghỉ nghĩ nghị | true",
      "chuyen | '' | chuyển chuyên chuyện | true",
      "uchwaly | '' | uchwały | true",
      "etranger | '' | étranger | true",
      "dien | '' | diễn điện | true",
      // Capitals never reach a casefolded term; a citation keeps its own letters as the folded analyzer does.
      "nghi | '' | Nghị NGHI | false",
      "25-NQ/TW | '' | 25-NQ/TW | true",
      "nghi | '' | nghia nghiêm ngh | false",
      "nghi | * | nghiêm nghị nghĩa | true",
      "nghi | * | ngh nhi | false",
  })
  void acceptsExactlyTheSpellingsThatFoldToTheTerm(String folded, String prefix, String words, boolean accepted) {
    Automaton a = prefix.equals("*") ? FoldedVariants.prefix(folded) : FoldedVariants.of(folded);
    for (String w : words.split(" ")) assertEquals(accepted, Operations.run(a, w), w);
  }

  /** A wildcard or regular expression over folded text accepts the spellings of what it accepts. */
  @ParameterizedTest(name = "{0} accepts {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "ngh?       | nghị nghỉ nghĩ nghe nghi | true",
      "ngh?       | nghiêm nghị. ng | false",
      "qu*n       | quyền quân quan quốc-dân | true",
      "/quy[ea]n/ | quyền quyến quyên quyan | true",
      "/quy[ea]n/ | quyôn quyin | false",
  })
  void widensPatterns(String pattern, String words, boolean accepted) {
    Automaton folded = pattern.startsWith("/")
        ? new RegexpQuery(new Term("f", pattern.substring(1, pattern.length() - 1))).getAutomaton()
        : WildcardQuery.toAutomaton(new Term("f", pattern), 10_000);
    Automaton a = FoldedVariants.widen(folded);
    for (String w : words.split(" ")) assertEquals(accepted, Operations.run(a, w), w);
  }

  /** A fuzzy word over folded text accepts the spellings of the words within its edits. */
  @ParameterizedTest(name = "{0}~{1} accepts {2}: {3}")
  @CsvSource(delimiter = '|', value = {
      "nghi | 1 | nghị nghĩ ngh nghia nhi nghiêm | true,true,true,true,true,false",
      "quyen | 2 | quyền quyển quen quyệt | true,true,true,true",
  })
  void widensFuzzyWords(String word, int edits, String words, String accepted) {
    Automaton a = FoldedVariants.fuzzy(word, edits, 0, true);
    String[] w = words.split(" "), want = accepted.split(",");
    for (int i = 0; i < w.length; i++) assertEquals(Boolean.parseBoolean(want[i]), Operations.run(a, w[i]), w[i]);
  }
}
