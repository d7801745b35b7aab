package sohieu.lang;

import java.lang.management.ManagementFactory;

/**
 * Cold start of language identification in a fresh JVM: time to get {@link LanguageIdentifier#standard()} and to
 * answer the first call, for one kind of text (pass "vi", "ru", "long-en" or "short-en"; default: all four in that
 * order, each timed on its first call). Wall and process CPU time; run in a fresh JVM per measurement.
 * Run: {@code java -cp target/classes:target/test-classes:target/lib/* sohieu.lang.LanguageIdColdStart [kind]}
 */
public final class LanguageIdColdStart {
  private LanguageIdColdStart() {}

  public static void main(String[] args) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    String[][] texts = {
        {"vi", "Nâng cao nghiệp vụ cho đội ngũ cán bộ làm công tác dân vận Khối các cơ quan Trung ương"},
        {"ru", "Рабочая делегация Центрального комитета по массовой мобилизации"},
        {"long-en", "They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood."},
        {"short-en", "No videos available"},
    };
    long w0 = System.nanoTime(), c0 = os.getProcessCpuTime();
    LanguageIdentifier id = LanguageIdentifier.standard();
    System.out.printf(java.util.Locale.ROOT, "standard(): %.1f ms wall, %.1f ms cpu%n",
        (System.nanoTime() - w0) / 1e6, (os.getProcessCpuTime() - c0) / 1e6);
    for (String[] t : texts) {
      if (args.length > 0 && !args[0].equals(t[0])) continue;
      long w = System.nanoTime(), c = os.getProcessCpuTime();
      String lang = id.identify(t[1]);
      System.out.printf(java.util.Locale.ROOT, "first identify(%s) = %s: %.1f ms wall, %.1f ms cpu%n", t[0], lang,
          (System.nanoTime() - w) / 1e6, (os.getProcessCpuTime() - c) / 1e6);
    }
  }
}
