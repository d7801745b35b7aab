package sohieu.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import sohieu.analysis.LanguageAnalyzers;
import sohieu.schema.Fields;
import sohieu.schema.Paragraphs;
import sohieu.lang.Paragraph;

/**
 * The limit for ingest: Lucene indexing the text Sohieu already extracted, with Sohieu's analyzers, and nothing
 * else (no reading of files, extraction, language identification, citation recognition or facets). Reads the
 * stored text and paragraph languages of an index IngestBench built, loads them into memory (not timed), then
 * indexes each paragraph into its language's field (once, as DocumentBuilder does), with the text stored as Sohieu
 * stores it, on as many threads as cores. Prints one JSON line.
 *
 * <p>Usage: {@code IndexTextBench SOURCE_INDEX OUT_INDEX}
 */
public final class IndexTextBench {
  record Doc(String text, List<Paragraph> paragraphs) {}

  public static void main(String[] args) throws Exception {
    Path source = Path.of(args[0]);
    Path out = Path.of(args[1]);
    List<Doc> docs = new ArrayList<>();
    long textBytes = 0;
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(source))) {
      StoredFields stored = reader.storedFields();
      for (int i = 0; i < reader.maxDoc(); i++) {
        Document d = stored.document(i);
        String text = d.get(Fields.TEXT);
        if (text == null) continue;
        org.apache.lucene.util.BytesRef paras = d.getBinaryValue(Fields.PARAGRAPHS);
        docs.add(new Doc(text, paras == null ? List.of(new Paragraph(0, text.length(), "und")) : Paragraphs.decode(paras)));
        textBytes += text.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    IngestBench.deleteTree(out);
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    int threads = Runtime.getRuntime().availableProcessors();
    IndexWriterConfig config = new IndexWriterConfig(LanguageAnalyzers.perField())
        .setRAMBufferSizeMB(128)
        .setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
    long start = System.nanoTime();
    try (FSDirectory dir = FSDirectory.open(out); IndexWriter writer = new IndexWriter(dir, config)) {
      AtomicInteger next = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        tasks.add(pool.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < docs.size(); ) {
            Doc d = docs.get(i);
            Document doc = new Document();
            doc.add(new StoredField(Fields.TEXT, d.text()));
            for (Paragraph p : d.paragraphs()) {
              String para = d.text().substring(p.start(), Math.min(p.end(), d.text().length()));
              doc.add(new TextField(LanguageAnalyzers.field(p.lang()), para, Field.Store.NO));
            }
            writer.addDocument(doc);
          }
          return null;
        }));
      }
      for (Future<?> f : tasks) f.get();
      pool.shutdown();
      writer.commit();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peakHeap += pool.getPeakUsage().getUsed();
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("docs", docs.size());
    o.put("threads", threads);
    o.put("text_mb", IngestBench.round(textBytes / 1e6));
    o.put("index_text_docs_per_s", IngestBench.round(docs.size() / seconds));
    o.put("index_text_mb_per_s", IngestBench.round(textBytes / 1e6 / seconds));
    o.put("index_text_seconds", IngestBench.round(seconds));
    o.put("peak_heap_mb", peakHeap / (1 << 20));
    o.put("index_to_text", IngestBench.round(IngestBench.size(out) / (double) textBytes));
    System.out.println(BenchJson.line(o));
  }
}
