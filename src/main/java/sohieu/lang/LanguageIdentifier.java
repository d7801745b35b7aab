package sohieu.lang;

/** Tells which of vi, ru, fr, pl, en a piece of text is in, or {@code und} (first version: letters that only one language uses). */
public final class LanguageIdentifier {
  public static final String UNDETERMINED = "und";

  public String identify(CharSequence text) {
    int cyr = 0, vi = 0, pl = 0, fr = 0, latin = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toLowerCase(text.charAt(i));
      if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) cyr++;
      else if ("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ".indexOf(c) >= 0) vi++;
      else if ("ąćęłńśźż".indexOf(c) >= 0) pl++;
      else if ("éèêàçùœëïî".indexOf(c) >= 0) fr++;
      if (Character.isLetter(c) && c < 0x250) latin++;
    }
    if (cyr > latin) return "ru";
    if (vi > 0 && vi >= pl && vi >= fr) return "vi";
    if (pl > 0 && pl >= fr) return "pl";
    if (fr > 0) return "fr";
    if (latin > 0) return "en";
    return UNDETERMINED;
  }
}
