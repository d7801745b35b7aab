package sohieu.search;

import java.util.List;
import sohieu.refs.Citation;

/** An article that mentions a cited document (or is that document, when {@code self}), with its mentions. */
public record CitingArticle(String path, String title, String date, String outlet, List<String> languages,
                            boolean self, List<Citation> mentions) {}
