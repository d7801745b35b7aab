package sohieu.search;

import java.util.List;

/**
 * The articles that cite one document, the document itself first.
 *
 * @param total how many articles in the index carry the citation, shown or not
 */
public record CiteResult(String canonical, long total, List<CitingArticle> articles) {}
