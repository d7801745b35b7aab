package sohieu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    Automaton a = FoldedVariants.of(folded, prefix.equals("*"));
    for (String w : words.split(" ")) assertEquals(accepted, Operations.run(a, w), w);
  }
}
