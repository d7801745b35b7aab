package sohieu.search;

import java.util.List;

/** One ranked search result; {@code copies} are the other paths of identical files, sorted (empty when none). */
public record Hit(String path, String title, String date, String outlet, List<String> languages, float score,
                  List<String> snippets, List<String> refs, List<String> copies) {
  /** The same hit with other snippets (the highlighter's marks taken out, say). */
  public Hit withSnippets(List<String> other) {
    return new Hit(path, title, date, outlet, languages, score, other, refs, copies);
  }
}
