package sohieu.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Title, publication date and outlet of real-looking files: front matter, headings, letterheads, meta tags. */
class MetadataTest {
  private final Extractor extractor = new Extractor();
  @TempDir Path dir;

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("front matter: title, date, first source named", "a.md", """
            ---
            layout: vanban
            title: "Nghị định 289/2026/NĐ-CP"
            date: 2026-07-21
            modified: 2026-07-22
            tags:
              - an-ninh
            source: vanban.chinhphu.vn; luatvietnam.vn
            ---

            ## THÔNG TIN VĂN BẢN

            Chính phủ ban hành Nghị định 289/2026/NĐ-CP.
            """, "Nghị định 289/2026/NĐ-CP", "2026-07-21", "vanban.chinhphu.vn"),
        Arguments.of("front matter: a last edit is no publication date", "b.md", """
            ---
            layout: page
            title: An ninh mạng
            permalink: /van-ban/an-ninh-quoc-gia/an-ninh-mang/
            lastedit: 2026-05-15
            ---

            ## THÔNG TIN VĂN BẢN

            | **Số hiệu** | 24/2018/QH14 |
            """, "An ninh mạng", null, null),
        Arguments.of("front matter: day-first issue date, source address", "c.md", """
            ---
            title: 'Nghị định 200/2026/NĐ-CP'
            ngay_ban_hanh: 05/06/2026
            ngay_hieu_luc: 05/07/2026
            source: "https://vanban.chinhphu.vn/?pageid=27160&docid=218389"
            ---
            Nội dung.
            """, "Nghị định 200/2026/NĐ-CP", "2026-06-05", "vanban.chinhphu.vn"),
        Arguments.of("a deadline in the headline is no dateline", "d.md", """
            # Hoàn thiện phương án nhân sự cấp ủy cấp tỉnh trước 20/6/2025

            ### Nội dung chính

            ## Hoàn thiện phương án nhân sự cấp ủy cấp tỉnh trước 20/6/2025

            Ngày 25/5/2025, thay mặt Bộ Chính trị, đồng chí Trần Cẩm Tú ký ban hành Kết luận 157-KL/TW.
            """, "Hoàn thiện phương án nhân sự cấp ủy cấp tỉnh trước 20/6/2025", null, null),
        Arguments.of("a doubled site name before the headline is a dateline", "d2.txt", """
            Báo Nhân DânBáo Nhân Dân05/03/2025

            Thúc đẩy chuyển đổi số trong cơ quan Đảng

            Ban Thường vụ Tỉnh ủy quán triệt Nghị quyết số 57-NQ/TW.
            """, "Thúc đẩy chuyển đổi số trong cơ quan Đảng", "2025-03-05", "Báo Nhân Dân"),
        Arguments.of("a deadline on the second line of a text", "e.txt", """
            Những chính sách có hiệu lực từ tháng 7
            Hướng dẫn tính lương cán bộ, công chức từ ngày 1/7/2017
            Bộ Nội vụ ban hành Thông tư 02/2017/TT-BNV.
            """, "Những chính sách có hiệu lực từ tháng 7", null, null),
        Arguments.of("a generic heading gives way to the real one", "f.md", """
            ### Nội dung chính

            ## Thông tư 19/2025/TT-BGDĐT quy định về khen thưởng học sinh

            (Chinhphu.vn) - Bộ Giáo dục và Đào tạo ban hành Thông tư 19/2025/TT-BGDĐT.
            """, "Thông tư 19/2025/TT-BGDĐT quy định về khen thưởng học sinh", null, "Chinhphu.vn"),
        Arguments.of("letterhead date of a plan", "g.txt", """
            ỦY BAN NHÂN DÂN
            TỈNH NGHỆ AN
            Số: 12/KH-UBND
            Nghệ An, ngày 24 tháng 11 năm 2025
            KẾ HOẠCH
            Phát triển kinh tế số giai đoạn 2026 - 2030
            """, "ỦY BAN NHÂN DÂN", "2025-11-24", null),
        Arguments.of("letterhead date wrapped in an italic table cell", "h.md", """
            |
            UBND THÀNH PHỐ
            **TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG**
            -------
            |
            *TP. Hồ Chí Minh, ngày 3
            tháng 2 năm 2025*
            |
            """, "UBND THÀNH PHỐ", "2025-02-03", null),
        Arguments.of("a date in a sentence is no letterhead", "i.md", """
            # Tổng cục Chính trị

            Bên cạnh đó, ngày 6 tháng 5 năm 1946, Kháng chiến Ủy viên Hội đổi tên thành Quân sự Ủy viên Hội.
            """, "Tổng cục Chính trị", null, null),
        Arguments.of("an infobox row is no dateline", "j.md", """
            # Bà Rịa (tỉnh)

            | Thành lập | 1/1/1900 |
            """, "Bà Rịa (tỉnh)", null, null),
        Arguments.of("publication line and original link at the end", "k.md", """
            # Chi tiết 34 đơn vị hành chính cấp tỉnh từ 12/6/2025

            Sáng 12/6/2025, Quốc hội biểu quyết thông qua Nghị quyết.

            Link bài viết gốc: https://xaydungchinhsach.chinhphu.vn/chi-tiet-34.htm

            Ngày đăng: 12/06/2025 14:18
            """, "Chi tiết 34 đơn vị hành chính cấp tỉnh từ 12/6/2025", "2025-06-12", "xaydungchinhsach.chinhphu.vn"),
        Arguments.of("HTML: Dublin Core issue date, day first", "l.html", """
            <html><head><title>Tin</title><meta name="DC.date.issued" content="05/03/2024">
            <meta property="article:modified_time" content="2024-04-01"></head>
            <body><p>Bộ Chính trị ban hành Nghị quyết 57-NQ/TW.</p></body></html>
            """, "Tin", "2024-03-05", null),
        Arguments.of("HTML: pubdate with offset, publisher", "m.html", """
            <html><head><title>Tin</title><meta name="pubdate" content="2024-03-07T23:30:00+07:00">
            <meta name="DC.publisher" content="Báo Nhân Dân"></head>
            <body><p>Bộ Chính trị ban hành Nghị quyết 57-NQ/TW.</p></body></html>
            """, "Tin", "2024-03-07", "Báo Nhân Dân"),
        Arguments.of("HTML: schema.org microdata", "n.html", """
            <html><head><title>Tin</title></head><body><article itemscope>
            <meta itemprop="datePublished" content="2024-03-08"><p>Bộ Chính trị ban hành Nghị quyết 57-NQ/TW.</p>
            </article></body></html>
            """, "Tin", "2024-03-08", null),
        Arguments.of("HTML: a modification date alone dates nothing", "o.html", """
            <html><head><title>Tin</title><meta property="article:modified_time" content="2024-04-01"></head>
            <body><p>Bộ Chính trị ban hành Nghị quyết 57-NQ/TW.</p></body></html>
            """, "Tin", null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void titleDateAndOutlet(String what, String name, String content, String title, String date, String outlet) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    ExtractedDocument doc = extractor.extract(file);
    assertEquals(title, doc.title(), "title");
    assertEquals(date == null ? null : LocalDate.parse(date), doc.published(), "date");
    assertEquals(outlet, doc.outlet(), "outlet");
  }

  @Test
  void frontMatterAndFurnitureLinesLeaveTheText() throws Exception {
    Path file = dir.resolve("a.md");
    Files.writeString(file, """
        ---
        title: Cơ yếu
        lastedit: 2026-05-15
        ---

        Luật Cơ yếu số 05/2011/QH13.

        Link bài viết gốc: https://xaydungchinhsach.chinhphu.vn/a.htm

        Ngày đăng: 12/06/2025
        """);
    ExtractedDocument doc = extractor.extract(file);
    assertEquals("Luật Cơ yếu số 05/2011/QH13.", doc.text());
    assertEquals("https://xaydungchinhsach.chinhphu.vn/a.htm", doc.sourceUrl());
    assertEquals("text/markdown", doc.contentType());
  }

  @Test
  void aParagraphStandingInForATitleIsCut() throws Exception {
    String sentence = "Với tỷ lệ 94,56% tổng số đại biểu tán thành, Quốc hội đã chính thức thông qua Luật Thuế thu nhập doanh nghiệp (sửa đổi).";
    String paragraph = sentence + " Luật được thông qua sẽ tạo hành lang pháp lý rõ ràng, minh bạch hơn, góp phần cải thiện môi trường đầu tư kinh doanh, khuyến khích doanh nghiệp phát triển.";
    Path file = dir.resolve("long.md");
    Files.writeString(file, paragraph + "\n\nTại phiên họp, Quốc hội biểu quyết.\n");
    ExtractedDocument doc = extractor.extract(file);
    assertEquals(sentence, doc.title());
    assertTrue(doc.text().startsWith(paragraph), "the paragraph itself stays whole");

    Files.writeString(file, "x".repeat(10) + " " + "từ ".repeat(100) + "\n");
    String title = extractor.extract(file).title();
    assertTrue(title.length() <= sohieu.Limits.TITLE_CHARS + 1 && title.endsWith("…"), title);
    assertFalse(title.contains("  "));
  }
}
