package sohieu.search;

import java.util.List;

/**
 * One ranked search result: the best document of a story. {@code copies} are the other paths of identical files,
 * sorted (empty when none); {@code groupSize} counts the documents of the story the query found, this one and the
 * {@code similar} ones (near-duplicates and translations, best first), which an expanded search lists as hits.
 */
public record Hit(String path, String title, String date, String outlet, List<String> languages, float score,
                  List<String> snippets, List<String> refs, List<String> copies, int groupSize, List<String> similar) {
  /** The same hit with other snippets (the highlighter's marks taken out, say). */
  public Hit withSnippets(List<String> other) {
    return new Hit(path, title, date, outlet, languages, score, other, refs, copies, groupSize, similar);
  }
}
