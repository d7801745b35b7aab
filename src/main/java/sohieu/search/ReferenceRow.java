package sohieu.search;

import java.util.List;
import java.util.Map;

/**
 * One cited document as the whole index knows it.
 *
 * @param articles  articles citing it
 * @param mentions  mentions in those articles
 * @param firstSeen publication date of the earliest citing article (ISO), or null
 * @param lastSeen  publication date of the latest citing article (ISO), or null
 * @param issued    issue dates the texts state for it, with how many articles state each (a conflict when several)
 */
public record ReferenceRow(String canonical, String type, String issuer, long articles, long mentions,
                           String firstSeen, String lastSeen, List<String> languages, Map<String, Long> issued) {
  /** The issue date most articles state, or null. */
  public String issuedDate() {
    return issued.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
  }
}
