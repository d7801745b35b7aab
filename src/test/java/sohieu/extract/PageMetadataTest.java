package sohieu.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The date shapes page metadata writes, each read as the day it states. */
final class PageMetadataTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "2023-11-25T08:00:00+07:00   | 2023-11-25",
      "2024-03-07T23:30:00+07:00   | 2024-03-07",
      "2024-03-07T23:30:00Z        | 2024-03-07",
      "2024-03-07T23:30:00         | 2024-03-07",
      "2024-03-07 23:30:00         | 2024-03-07",
      "2024-12-28                  | 2024-12-28",
      "2024/1/5                    | 2024-01-05",
      "Sat, 28 Dec 2024 10:00:00 GMT | 2024-12-28",
      "28 Dec 2024 10:00:00 GMT    | 2024-12-28",
      "1 Dec 2024 10:00:00 +0700   | 2024-12-01",
      "28/12/2024                  | 2024-12-28",
      "5.1.2024, 10:00             | 2024-01-05",
      "1850-01-01                  | none",
      "yesterday                   | none",
      "2024-13-45                  | none",
      "T                           | none"})
  void readsTheDayAPageStates(String value, LocalDate day) {
    assertEquals(day, PageMetadata.parse(value));
  }
}
