package sohieu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

/** The index contract in miniature: exact-diacritic matches outrank folded-only ones; citations match whole. */
class RankingTest {
  private static Query query(Analyzer a, String text) {
    QueryBuilder qb = new QueryBuilder(a);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String lang : LanguageAnalyzers.LANGUAGES) {
      Query q = qb.createPhraseQuery(LanguageAnalyzers.field(lang), text);
      if (q != null) b.add(new BoostQuery(q, 2f), BooleanClause.Occur.SHOULD);
    }
    Query f = qb.createPhraseQuery(LanguageAnalyzers.FOLDED_FIELD, text);
    if (f != null) b.add(f, BooleanClause.Occur.SHOULD);
    return b.build();
  }

  private static void add(IndexWriter w, String id, String lang, String text) throws IOException {
    Document d = new Document();
    d.add(new StringField("id", id, Field.Store.YES));
    d.add(new TextField(LanguageAnalyzers.field(lang), text, Field.Store.NO));
    d.add(new TextField(LanguageAnalyzers.FOLDED_FIELD, text, Field.Store.NO));
    w.addDocument(d);
  }

  @Test
  void exactDiacriticsRankAboveFoldedAndCitationsMatchAnySpelling() throws IOException {
    Analyzer a = LanguageAnalyzers.perField();
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(a))) {
        add(w, "nghi-typed-bare", "und", "Nghi quyet ve hoi nhap quoc te, hoa binh");
        add(w, "nghi-exact", "vi", "Nghị quyết về hội nhập quốc tế, hoà bình; Nghị quyết 25-NQ/TW");
        add(w, "nghĩ", "vi", "Tôi nghĩ quyết tâm là hòa bình");
        add(w, "ru", "ru", "Постановления 25- NQ/TW о дипломатии");
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(r);
        ScoreDoc[] hits = s.search(query(a, "Nghị quyết"), 10).scoreDocs;
        // folded matches the bare text and also "nghĩ quyết" (same letters without marks); the exact one ranks first
        assertEquals(3, hits.length);
        assertEquals("nghi-exact", s.storedFields().document(hits[0].doc).get("id"));
        assertTrue(hits[0].score > hits[1].score * 1.5f, hits[0] + " vs " + hits[1]);
        assertEquals(3, s.count(query(a, "nghi quyet")));
        assertEquals(2, s.count(query(a, "25-nq/tw")));
        assertEquals(2, s.count(query(a, "25 - NQ/TW")));
        assertEquals(3, s.count(query(a, "hòa bình")));
      }
    }
  }
}
