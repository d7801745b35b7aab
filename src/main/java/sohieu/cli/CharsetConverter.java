package sohieu.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import picocli.CommandLine;

/** Turns a {@code --charset} argument into a Charset, with a one-line error for an unknown name. */
final class CharsetConverter implements CommandLine.ITypeConverter<Charset> {
  @Override
  public Charset convert(String name) {
    try {
      return Charset.forName(name);
    } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
      throw new CommandLine.TypeConversionException("unknown charset '" + name + "' (e.g. UTF-8, windows-1251, KOI8-R, windows-1250, windows-1258, TCVN3, VISCII, VNI)");
    }
  }
}
