package sohieu.search;

import java.util.List;

/** Everything the index knows about one cited document: the articles that cite it, the document itself first. */
public record CiteResult(String canonical, List<CitingArticle> articles) {
  public int mentionCount() { return articles.stream().mapToInt(a -> a.mentions().size()).sum(); }
}
