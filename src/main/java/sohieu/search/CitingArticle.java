package sohieu.search;

import java.util.List;
import sohieu.refs.Citation;

/**
 * An article that mentions a cited document (or is that document, when {@code self}), with its mentions;
 * {@code copies} are the other paths of identical files, sorted (empty when none).
 */
public record CitingArticle(String path, String title, String date, String outlet, List<String> languages,
                            boolean self, List<Citation> mentions, List<String> copies) {}
