package sohieu.extract;

import java.nio.charset.Charset;
import java.nio.charset.spi.CharsetProvider;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Makes the legacy Vietnamese encodings TCVN 5712:1993 ("TCVN3", "ABC"), VISCII and VNI available to
 * {@link Charset#forName}, so that Tika and {@code --charset} can use them like any other charset.
 */
public final class LegacyCharsets extends CharsetProvider {
  public static final Charset TCVN3 = new TableCharset("x-TCVN5712-1", new String[] {"TCVN3", "TCVN", "TCVN5712-1", "ABC"},
      "/sohieu/extract/tcvn.tsv");
  public static final Charset VISCII = new TableCharset("x-VISCII", new String[] {"VISCII"}, "/sohieu/extract/viscii.tsv");
  public static final Charset VNI = new TableCharset("x-VNI-Windows", new String[] {"VNI", "VNI-Windows"}, "/sohieu/extract/vni.tsv");
  private static final List<Charset> ALL = List.of(TCVN3, VISCII, VNI);

  @Override
  public Iterator<Charset> charsets() { return ALL.iterator(); }

  @Override
  public Charset charsetForName(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    for (Charset c : ALL) {
      if (c.name().equalsIgnoreCase(n)) return c;
      for (String alias : c.aliases()) if (alias.equalsIgnoreCase(n)) return c;
    }
    return null;
  }
}
