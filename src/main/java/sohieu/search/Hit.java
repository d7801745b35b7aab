package sohieu.search;

import java.util.List;

/** One ranked search result. */
public record Hit(String path, String title, String date, String outlet, List<String> languages, float score,
                  List<String> snippets, List<String> refs) {}
