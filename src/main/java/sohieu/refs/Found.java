package sohieu.refs;

import java.time.LocalDate;
import java.util.List;

/**
 * What the find stage of {@link CitationRecognizer} reads in a text before anything is resolved: full numbers and
 * number phrases (a type word with a bare number or a number and year). A {@link Resolver} turns them into
 * {@link Citation}s over the whole document.
 */
public sealed interface Found {
  int start();

  int end();

  /**
   * A full document number.
   *
   * @param known every code in it is in the vocabulary (else it was accepted on its form and context)
   * @param issued the issue date the text states for it here, or null
   */
  record Code(int start, int end, String canonical, String type, String issuer, String number, Integer year,
              boolean known, LocalDate issued) implements Found {}

  /**
   * A type word and a number: "Nghị quyết 57", "la décision n° 209 du 26 novembre 2019 du Politburo", "Decree
   * 47/2021", the "93" of "wnioski 91 i 93 Biura Politycznego".
   *
   * @param types   the type codes the type word may stand for, most likely first
   * @param year    the year written with the number ("47/2021"), or null
   * @param issuer  the issuer code the clause names (Politburo -> TW), or null
   * @param issued  the issue date the clause states, or null
   * @param leadIn  a number lead-in ("số", "No.", "№") stands before the number
   * @param elsewhere the clause names an issuer or a code the vocabulary cannot map ("Kế hoạch số 19 của Ban Chỉ
   *                đạo ...", "Nghị quyết số 514 NQ/TVQH"): the document's body must not complete it
   * @param group   phrases joined by coordinators ("la Directive N°29 et la Conclusion N°76 du Politburo",
   *                "các Nghị quyết 18, 19 và 21") share a group number and, when one names it, their issuer
   */
  record Phrase(int start, int end, List<String> types, String number, Integer year, String issuer, LocalDate issued,
                boolean leadIn, boolean elsewhere, int group) implements Found {
    Phrase withIssuer(String code) {
      return new Phrase(start, end, types, number, year, code, issued, leadIn, elsewhere, group);
    }
  }
}
