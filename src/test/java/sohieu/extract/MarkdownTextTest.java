package sohieu.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Markdown syntax leaves the text, the words stay, one line per source line. */
class MarkdownTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '→', quoteCharacter = '`', textBlock = """
      # Tiêu đề #                                           → Tiêu đề
      ###### Mục 6                                          → Mục 6
      **Đậm** và *nghiêng* và _nghiêng_ và __đậm__           → Đậm và nghiêng và nghiêng và đậm
      Nghị_quyết số 10-CT / TW của Trung_ương                → Nghị_quyết số 10-CT / TW của Trung_ương
      Xem [Nghị quyết 57-NQ/TW](https://x.vn/a_(b) "t") nhé  → Xem Nghị quyết 57-NQ/TW nhé
      ![ảnh](anh.png)Chú thích ảnh                           → Chú thích ảnh
      Xem <https://chinhphu.vn/a>                            → Xem https://chinhphu.vn/a
      | **Số hiệu** | 24/2018/QH14 |                        → `Số hiệu\t24/2018/QH14`
      Vùng I | 5.310.000 | 25.500 |                         → `Vùng I\t5.310.000\t25.500`
      |---|:---:|                                            → ``
      - Đồng chí Phạm Minh Chính,                            → Đồng chí Phạm Minh Chính,
      1. Cơ quan báo chí nước ngoài                          → 1. Cơ quan báo chí nước ngoài
      > > Trích dẫn                                          → Trích dẫn
      Giá 5\\* và 2\\_3                                      → Giá 5* và 2_3
      *Căn cứ Luật Tổ chức ngày 16/6/2025; *                 → Căn cứ Luật Tổ chức ngày 16/6/2025;
      ** **                                                  → ``
      [sửa | sửa mã nguồn]Nguyễn Thị Phương Thảo sinh ra      → Nguyễn Thị Phương Thảo sinh ra
      doanh nhân, tỷ phú.[1][2] Bà là người                  → doanh nhân, tỷ phú. Bà là người
      A &amp; B&nbsp;C &#272;                                → A & B C Đ
      Số: 11/2010/NĐ-CP                                      → Số: 11/2010/NĐ-CP
      Ngày 22<br>tháng 12                                    → Ngày 22 tháng 12
      ~~cũ~~ mới và `mã`                                     → cũ mới và mã
      -------                                                → ``
      [1] Mở đầu                                             → [1] Mở đầu
      năm 2014[3] tại Điều 15                                → năm 2014 tại Điều 15
      của Đảng,[2] tại Phụ lục                               → của Đảng, tại Phụ lục
      Xem [3] và năm[2014]                                   → Xem [3] và năm[2014]
      [sửa]Tiểu sử                                           → Tiểu sử
      _nghiêng_ ở đầu                                        → nghiêng ở đầu
      (_nghiêng_) sau dấu                                    → (nghiêng) sau dấu
      a_b_ c và x _y_z                                       → a_b_ c và x _y_z
      *Căn cứ sau dấu cách *                                 → Căn cứ sau dấu cách
      Ghi chú (*) ở cuối                                     → Ghi chú (*) ở cuối
      Giá 5*3                                                → Giá 5*3
      Điều 5* và **x                                         → Điều 5 và x
      """)
  void line(String markdown, String text) {
    assertEquals(text, MarkdownText.convert(markdown + "\n").text().strip());
  }

  @Test
  void linesStayWhereTheyWereAndEmphasisMayWrap() {
    String md = "**CHÍNH PHỦ**\n**VĂN PHÒNG**\n\\*\nSố 402-CV/VPĐU\n\n*Hà Nội, ngày 20\ntháng 11 năm 2025*\n";
    assertEquals("CHÍNH PHỦ\nVĂN PHÒNG\n*\nSố 402-CV/VPĐU\n\nHà Nội, ngày 20\ntháng 11 năm 2025",
        MarkdownText.convert(md).text().strip());
  }

  @Test
  void unpairedStarsGoAtEveryLineStartAndEnd() {
    assertEquals("Một\nhai\nba", MarkdownText.convert("Một\n*hai\nba*\n").text().strip());
  }

  @Test
  void codeIsKeptVerbatim() {
    assertEquals("**x** [a](b)", MarkdownText.convert("```\n**x** [a](b)\n```\n").text().strip());
  }

  @Test
  void frontMatterIsReadAndRemoved() {
    MarkdownText.Result r = MarkdownText.convert("""
        ---
        title: "Nghị định 289/2026/NĐ-CP"
        ngay-ban-hanh: "21/07/2026"
        tags:
          - an-ninh
        categories: [van-ban, an-ninh]
        ---
        # Nghị định
        """);
    assertEquals(Map.of("title", "Nghị định 289/2026/NĐ-CP", "ngaybanhanh", "21/07/2026"), r.frontMatter());
    assertEquals("Nghị định", r.text().strip());
  }

  @Test
  void aRuleOnTheFirstLineIsNoFrontMatter() {
    MarkdownText.Result r = MarkdownText.convert("---\nChính phủ ban hành: Nghị định.\n\nVăn bản\n");
    assertEquals(Map.of(), r.frontMatter());
    assertEquals("Chính phủ ban hành: Nghị định.\n\nVăn bản", r.text().strip());
  }

  @Test
  void headingsWithTheirLines() {
    MarkdownText.Result r = MarkdownText.convert("# **Một**\n\ntext\n\n### Nội dung chính\n## Hai\n");
    assertEquals(List.of(new MarkdownText.Heading(1, "Một", 0), new MarkdownText.Heading(3, "Nội dung chính", 2),
        new MarkdownText.Heading(2, "Hai", 3)), r.headings());
  }
}
