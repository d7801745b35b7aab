package sohieu.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.tika.exception.WriteLimitReachedException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the text of Tika's XHTML events with a line break per block element, skipping page furniture
 * (navigation, footers, asides, forms, share and related-article blocks) recognised by element or class/id.
 */
final class ArticleTextHandler extends DefaultHandler {
  private static final Set<String> SKIPPED = Set.of("nav", "footer", "aside", "script", "style", "form", "button",
      "noscript", "iframe", "select", "svg", "template");
  private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
      "h6", "tr", "table", "blockquote", "pre", "section", "article", "header", "figcaption", "figure", "dd", "dt",
      "title", "td", "th", "hr", "main", "body");
  /** Class or id names that scrapers and CMSs give to blocks around the article. */
  private static final Pattern FURNITURE = Pattern.compile(
      "(?i)(^|[-_ ])(nav|navbar|menu|breadcrumbs?|share|sharing|social|related|relate|comments?|sidebar|footer|"
          + "tags|advert|ads|banner|newsletter|subscribe|cookie|popup|most-?read|recommend(ed)?)($|[-_ ])");

  private final StringBuilder text = new StringBuilder();
  /** More text than any article has: a decompression bomb or a data dump, stopped as it is written. */
  private final int maxChars;
  private final Deque<Boolean> skipping = new ArrayDeque<>();
  private int skipDepth;
  private String itemDatePublished;
  /** Where each of a PDF's pages (Tika's {@code <div class="page">}) starts in the text. */
  private final java.util.List<Integer> pageStarts = new java.util.ArrayList<>();

  ArticleTextHandler(int maxChars) { this.maxChars = maxChars; }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) {
    String name = localName(localName, qName);
    // Schema.org microdata: Tika does not put <meta itemprop> into the metadata.
    if (name.equals("meta") && itemDatePublished == null && "datePublished".equals(atts.getValue("itemprop"))) {
      itemDatePublished = atts.getValue("content");
    }
    if (name.equals("div") && "page".equals(atts.getValue("class"))) pageStarts.add(text.length());
    boolean skip = SKIPPED.contains(name) || isFurniture(atts.getValue("class")) || isFurniture(atts.getValue("id"));
    skipping.push(skip);
    if (skip) skipDepth++;
    if (BLOCKS.contains(name)) breakLine();
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    String name = localName(localName, qName);
    if (!skipping.isEmpty() && skipping.pop()) skipDepth--;
    if (BLOCKS.contains(name)) breakLine();
  }

  /**
   * Tika's own write-limit exception: its parsers pass it through where they would swallow another (in embedded
   * documents, say), so the parse stops at once instead of running on into memory.
   */
  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (skipDepth == 0) append(ch, start, length);
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    if (skipDepth == 0) append(ch, start, length);
  }

  private void append(char[] ch, int start, int length) throws SAXException {
    if (text.length() + length > maxChars) throw new WriteLimitReachedException(maxChars);
    text.append(ch, start, length);
  }

  String text() { return text.toString(); }

  /** Each page's text, for a PDF; empty for a format without pages. */
  java.util.List<String> pages() {
    java.util.List<String> out = new java.util.ArrayList<>(pageStarts.size());
    for (int i = 0; i < pageStarts.size(); i++) {
      out.add(text.substring(pageStarts.get(i), i + 1 < pageStarts.size() ? pageStarts.get(i + 1) : text.length()));
    }
    return out;
  }

  /** The content of {@code <meta itemprop="datePublished">}, or null. */
  String itemDatePublished() { return itemDatePublished; }

  private void breakLine() {
    if (skipDepth == 0 && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') text.append('\n');
  }

  private static boolean isFurniture(String classOrId) {
    return classOrId != null && FURNITURE.matcher(classOrId).find();
  }

  private static String localName(String localName, String qName) {
    return (localName == null || localName.isEmpty() ? qName : localName).toLowerCase(Locale.ROOT);
  }
}
