package sohieu.cluster.plugin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;
import org.opensearch.index.analysis.AbstractTokenizerFactory;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.index.analysis.TokenizerFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.ingest.Processor;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.IngestPlugin;
import org.opensearch.plugins.Plugin;
import sohieu.analysis.CitationTokenizer;
import sohieu.analysis.LanguageAnalyzers;
import sohieu.analysis.PolishLemmaFilter;
import sohieu.analysis.RussianYoFilter;
import sohieu.analysis.UnlessKeywordFilter;
import sohieu.analysis.VietnameseToneMarkFilter;

/**
 * Sohieu's analysis and citation recognition inside an OpenSearch cluster, from the very classes the local index uses
 * (one source of truth: a term the local index holds is the term the cluster holds).
 *
 * <pre>
 * analyzers   sohieu_vi sohieu_ru sohieu_fr sohieu_pl sohieu_en sohieu_und   ({@link LanguageAnalyzers#analyzer})
 *             sohieu_folded                                                  ({@link LanguageAnalyzers#folded})
 * tokenizer   sohieu_citation: citations whole, the rest by "words": standard (default) or icu
 * filters     sohieu_vi_tone_mark, sohieu_nfkc_casefold, sohieu_folding, sohieu_ru_yo, sohieu_pl_lemma
 *             (each leaves keyword tokens, the citations, as they are)
 * ingest      sohieu_citations ({@link CitationsProcessor})
 * </pre>
 * None of them needs settings, so each is usable by name in any index's mapping and in {@code _analyze}.
 */
public final class SohieuPlugin extends Plugin implements AnalysisPlugin, IngestPlugin {
  /** The prefix of every name the plugin registers. */
  public static final String PREFIX = "sohieu_";
  /** The name of the folded analyzer: {@link LanguageAnalyzers#folded()}. */
  public static final String FOLDED = PREFIX + "folded";

  /** The analyzer name of a language code: sohieu_vi ... sohieu_und. */
  public static String analyzerName(String lang) {
    return PREFIX + lang;
  }

  @Override
  public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
    Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> out = new LinkedHashMap<>();
    for (String lang : LanguageAnalyzers.LANGUAGES) {
      out.put(analyzerName(lang), (index, env, name, settings) ->
          new Shared(index, name, settings, LanguageAnalyzers.forLanguage(lang)));
    }
    out.put(FOLDED, (index, env, name, settings) -> new Shared(index, name, settings, LanguageAnalyzers.folded()));
    return out;
  }

  @Override
  public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
    return Map.of(PREFIX + "citation", CitationTokenizerFactory::new);
  }

  @Override
  public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
    Map<String, AnalysisProvider<TokenFilterFactory>> out = new LinkedHashMap<>();
    out.put(PREFIX + "vi_tone_mark", filter(VietnameseToneMarkFilter::new));
    out.put(PREFIX + "nfkc_casefold", filter(LanguageAnalyzers::nfkcCasefold));
    out.put(PREFIX + "folding", filter(LanguageAnalyzers::folding));
    out.put(PREFIX + "ru_yo", filter(RussianYoFilter::new));
    out.put(PREFIX + "pl_lemma", filter(PolishLemmaFilter::new));
    return out;
  }

  @Override
  public Map<String, Processor.Factory> getProcessors(Processor.Parameters parameters) {
    return Map.of(CitationsProcessor.TYPE, new CitationsProcessor.Factory());
  }

  /** A filter that leaves keyword tokens alone, so that in any chain after sohieu_citation a citation stays whole. */
  private static AnalysisProvider<TokenFilterFactory> filter(UnaryOperator<TokenStream> filter) {
    return (index, env, name, settings) -> new AbstractTokenFilterFactory(index, name, settings) {
      @Override
      public TokenStream create(TokenStream in) {
        return new UnlessKeywordFilter(in, filter);
      }
    };
  }

  /** One analyzer instance per index: Sohieu's analyzers are thread-safe and reuse their components per thread. */
  private static final class Shared extends AbstractIndexAnalyzerProvider<Analyzer> {
    private final Analyzer analyzer;

    Shared(IndexSettings index, String name, Settings settings, Analyzer analyzer) {
      super(index, name, settings);
      this.analyzer = analyzer;
    }

    @Override
    public Analyzer get() {
      return analyzer;
    }
  }

  /** {@link CitationTokenizer} over the standard (UAX #29) or, with {@code "words": "icu"}, the ICU tokenizer. */
  private static final class CitationTokenizerFactory extends AbstractTokenizerFactory {
    private final boolean icu;

    CitationTokenizerFactory(IndexSettings index, org.opensearch.env.Environment env, String name, Settings settings) {
      super(index, settings, name);
      String words = settings.get("words", "standard");
      if (!words.equals("standard") && !words.equals("icu")) {
        throw new IllegalArgumentException("tokenizer [" + name + "]: words must be standard or icu, not [" + words + "]");
      }
      this.icu = words.equals("icu");
    }

    @Override
    public Tokenizer create() {
      return new CitationTokenizer(icu ? new ICUTokenizer() : new StandardTokenizer());
    }
  }
}
