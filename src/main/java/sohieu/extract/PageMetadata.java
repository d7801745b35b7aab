package sohieu.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/** Publication date and outlet from the metadata a parser found: HTML {@code <meta>} tags, document properties. */
final class PageMetadata {
  /**
   * Meta names that state when a page was published, most specific first, compared lower-cased. Modification
   * dates are left out: a page edited last week was not published last week.
   */
  private static final List<String> PUBLISHED = List.of("article:published_time", "og:article:published_time",
      "og:published_time", "datepublished", "dc.date.issued", "dcterms.issued", "citation_publication_date",
      "citation_date", "pubdate", "publishdate", "publish-date", "publish_date", "parsely-pub-date",
      "sailthru.date", "dc.date", "dcterms.date", "date", "dc.date.created", "dcterms.created");
  private static final List<String> OUTLET = List.of("og:site_name", "dc.publisher", "dcterms.publisher", "publisher");
  private static final Pattern ISO_DAY = Pattern.compile("^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:$|[T\\s])");
  /** Day first, as Vietnamese, French, Russian and Polish pages write it: "25/11/2023", "25.11.2023". */
  private static final Pattern DAY_FIRST = Pattern.compile("^(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})(?:$|[T\\s,])");

  private PageMetadata() {}

  static LocalDate published(Metadata metadata) {
    for (String key : PUBLISHED) {
      for (String name : metadata.names()) {
        if (!name.toLowerCase(Locale.ROOT).equals(key)) continue;
        for (String value : metadata.getValues(name)) {
          LocalDate d = parse(value);
          if (d != null) return d;
        }
      }
    }
    // Document properties (PDF, office files): the creation date is the closest they come to a publication date.
    return parse(metadata.get(TikaCoreProperties.CREATED));
  }

  static String outlet(Metadata metadata) {
    for (String key : OUTLET) {
      for (String name : metadata.names()) {
        if (!name.toLowerCase(Locale.ROOT).equals(key)) continue;
        String value = metadata.get(name);
        if (value != null && !value.isBlank()) return value.strip();
      }
    }
    return null;
  }

  /** A date as metadata writes it: ISO 8601 with or without time and offset, day-first, or RFC 1123; else null. */
  static LocalDate parse(String value) {
    if (value == null || value.isBlank()) return null;
    String v = value.strip();
    // Each parser is tried only on its shape: a failed parse throws, and most pages give a plain day (2024-12-28).
    if (v.length() > 10 && v.charAt(10) == 'T') {
      try {
        return OffsetDateTime.parse(v).toLocalDate();
      } catch (DateTimeParseException e) {
        // not an ISO date-time with offset; the shapes below
      }
    }
    int space = v.indexOf(' ');
    if (Character.isLetter(v.charAt(0)) || space == 1 || space == 2) {
      try {
        return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
      } catch (DateTimeParseException e) {
        // not RFC 1123
      }
    }
    Matcher m = ISO_DAY.matcher(v);
    if (m.find()) return date(m.group(1), m.group(2), m.group(3));
    m = DAY_FIRST.matcher(v);
    if (m.find()) return date(m.group(3), m.group(2), m.group(1));
    return null;
  }

  private static LocalDate date(String year, String month, String day) {
    try {
      LocalDate d = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      return d.getYear() >= 1900 ? d : null;
    } catch (DateTimeException e) {
      return null;
    }
  }
}
