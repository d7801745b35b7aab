package sohieu.refs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The title of an official text is the subject under its type line, never the preamble or an article after it. */
class IdentityTitleTest {
  private static final CitationRecognizer R = CitationRecognizer.standard();

  static Stream<Arguments> headers() {
    return Stream.of(
        Arguments.of("subject in capitals wrapped over lines", """
            ỦY BAN NHÂN DÂN
            Số: 12/KH-UBND
            Nghệ An, ngày 24 tháng 11 năm 2025

            KẾ HOẠCH

            PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ
            GIAI ĐOẠN 2026 - 2030

            Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị,
            """, "PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ GIAI ĐOẠN 2026 - 2030"),
        Arguments.of("the issuer under the type is not the subject", """
            Số: 57-NQ/TW
            Hà Nội, ngày 22 tháng 12 năm 2024
            NGHỊ QUYẾT
            CỦA BỘ CHÍNH TRỊ
            về đột phá phát triển khoa học,
            công nghệ, đổi mới sáng tạo
            Phát triển khoa học là yếu tố quyết định.
            """, "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo"),
        Arguments.of("preamble right after the type: no subject", """
            Số: 1594/QĐ-TTPVHCC
            Hà Nội, ngày 20 tháng 11 năm 2025
            QUYẾT ĐỊNH

            Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;
            """, null),
        Arguments.of("an article of the text is not its subject", """
            Số: 262/2026/NĐ-CP
            Hà Nội, ngày 30 tháng 6 năm 2026
            NGHỊ ĐỊNH

            Điều 2. Đối tượng áp dụng
            """, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headers")
  void title(String what, String text, String title) {
    assertEquals(title, R.identify(text).orElseThrow().title());
  }
}
