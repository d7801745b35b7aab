package sohieu.lang;

import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Latin-script stage: the trigram table for longer text, Lingua for short text, both restricted to the
 * Latin-script rows of {@link Language} (vi, fr, pl, en; models inside Lingua's jar).
 */
final class LinguaLatinModel implements LanguageIdentifier.LatinModel {
  /** From this many letter trigrams on, the fast trigram scorer decides; shorter text goes to Lingua in full. */
  static final int TRIGRAMS_FOR_FAST_PATH = 20;

  private final boolean lowAccuracy;
  private final java.util.function.Supplier<TrigramScorer> trigrams;
  private final int fastFrom;
  /** Lingua's verdicts on short texts, forgotten all at once when there are {@link #REMEMBERED} of them. */
  private final ConcurrentHashMap<String, Optional<Verdict>> remembered = new ConcurrentHashMap<>();
  private static final int REMEMBERED = 8192, REMEMBERED_CHARS = 100;

  LinguaLatinModel(boolean lowAccuracy) { this(lowAccuracy, TRIGRAMS_FOR_FAST_PATH); }

  /**
   * fastFrom: trigram count from which the fast scorer decides (Integer.MAX_VALUE: always Lingua). Cheap: the trigram
   * table and Lingua's models are loaded on first need, once per JVM.
   */
  LinguaLatinModel(boolean lowAccuracy, int fastFrom) {
    this.lowAccuracy = lowAccuracy;
    this.fastFrom = fastFrom;
    this.trigrams = fastFrom == Integer.MAX_VALUE ? null : TrigramScorer.lazyShared();
  }

  /** Lingua restricted to vi, fr, pl, en; built (models read, several seconds) by the first call that needs it. */
  private static final class HighAccuracy {
    static final LanguageDetector DETECTOR = build(false);
  }

  private static final class LowAccuracy {
    static final LanguageDetector DETECTOR = build(true);
  }

  private static LanguageDetector build(boolean lowAccuracy) {
    LanguageDetectorBuilder b = LanguageDetectorBuilder.fromLanguages(Language.modelled(Language.Script.LATIN).stream()
        .map(l -> com.github.pemistahl.lingua.api.Language.valueOf(l.model())).toArray(com.github.pemistahl.lingua.api.Language[]::new)).withPreloadedLanguageModels();
    if (lowAccuracy) b = b.withLowAccuracyMode();
    return b.build();
  }

  private LanguageDetector detector() {
    return lowAccuracy ? LowAccuracy.DETECTOR : HighAccuracy.DETECTOR;
  }

  private static final class Holder {
    static final LinguaLatinModel SHARED = new LinguaLatinModel(false);
  }

  static LinguaLatinModel shared() { return Holder.SHARED; }

  @Override public Verdict classify(String text) {
    if (trigrams != null && TrigramScorer.count(text) >= fastFrom) {
      double[] scores = new double[TrigramScorer.LANGS.size()];
      int count = trigrams.get().score(text, scores);
      if (count >= fastFrom) {
        int best = 0;
        for (int l = 1; l < scores.length; l++) if (scores[l] > scores[best]) best = l;
        double second = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < scores.length; l++) if (l != best && scores[l] > second) second = scores[l];
        // a log-likelihood gap of 5 nats or more is as sure as it gets
        return new Verdict(TrigramScorer.LANGS.get(best), Math.min(1, (scores[best] - second) / 5));
      }
    }
    if (text.length() > REMEMBERED_CHARS) return lingua(text);
    // Short paragraphs come back again and again ("STT", "Ghi chú", "Ban hành:", a caption's credit): a third of
    // Lingua's calls on vi-dev; its verdict on a text never changes.
    if (remembered.size() >= REMEMBERED) remembered.clear();
    return remembered.computeIfAbsent(text, t -> Optional.ofNullable(lingua(t))).orElse(null);
  }

  private Verdict lingua(String text) {
    SortedMap<com.github.pemistahl.lingua.api.Language, Double> values = detector().computeLanguageConfidenceValues(text);
    com.github.pemistahl.lingua.api.Language best = null;
    double first = 0, second = 0;
    for (Map.Entry<com.github.pemistahl.lingua.api.Language, Double> e : values.entrySet()) {
      double v = e.getValue();
      if (v > first) { second = first; first = v; best = e.getKey(); }
      else if (v > second) second = v;
    }
    if (best == null || best == com.github.pemistahl.lingua.api.Language.UNKNOWN || first <= 0) return null;
    return new Verdict(code(best), first - second);
  }

  /** The code of the row whose model Lingua named, "und" for a language no row has. */
  static String code(com.github.pemistahl.lingua.api.Language model) {
    for (Language l : Language.IDENTIFIED) if (model.name().equals(l.model())) return l.code();
    return LanguageIdentifier.UNDETERMINED;
  }
}
