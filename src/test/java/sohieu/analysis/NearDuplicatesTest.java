package sohieu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The near-duplicate keys on the corpus's real articles. */
class NearDuplicatesTest {
  private static String read(String name) throws Exception { return Files.readString(Path.of("corpus", name)); }

  private static boolean meet(List<String> a, List<String> b) {
    Set<String> shared = new HashSet<>(a);
    shared.retainAll(b);
    return !shared.isEmpty();
  }

  @Test
  void aCopyWithOtherNavigationAroundItSharesAWordKeyAndAnotherArticleDoesNot() throws Exception {
    String article = read("001_95bb9a9cfe72fd45.txt");
    // The same article as another site frames it: another header and footer, one paragraph cut.
    String reframed = "Trang chủ | Thời sự | Đối ngoại\n" + article.substring(article.indexOf('\n', 400))
        + "\nBản quyền thuộc về tòa soạn. Liên hệ quảng cáo.\n";
    List<String> keys = NearDuplicates.keys(article, "ru");
    assertEquals(NearDuplicates.HASHES / NearDuplicates.ROWS,
        keys.stream().filter(k -> !NearDuplicates.isNumberKey(k)).count(), keys.toString());
    assertTrue(meet(keys, NearDuplicates.keys(reframed, "ru")));
    assertFalse(meet(keys, NearDuplicates.keys(read("003_9c870309ebbbcf83.txt"), "ru")));
    assertTrue(NearDuplicates.similarity(NearDuplicates.signature(article), NearDuplicates.signature(reframed)) > 0.8);
  }

  @Test
  void aShortTextHasNoWordKeysAndNumberKeysCarryTheLanguage() throws Exception {
    assertTrue(NearDuplicates.keys("Chỉ thị số 12-CT/TW về công tác đối ngoại.", "vi").isEmpty());
    String numbers = read("NQ57-NQ-TW_toan_van.md");
    List<String> keys = NearDuplicates.keys(numbers, "vi");
    List<String> numberKeys = keys.stream().filter(NearDuplicates::isNumberKey).toList();
    assertFalse(numberKeys.isEmpty(), keys.toString());
    for (String k : numberKeys) assertEquals("vi", NearDuplicates.language(k));
    // The same numbers in another language: the same keys but for the language.
    assertEquals(numberKeys.stream().map(NearDuplicates::withoutLanguage).toList(),
        NearDuplicates.keys(numbers, "en").stream().filter(NearDuplicates::isNumberKey).map(NearDuplicates::withoutLanguage).toList());
  }
}
