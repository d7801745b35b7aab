package sohieu.refs;

import java.time.LocalDate;

/**
 * The document a text is, when the text is an official document itself (its header says "Số: 57-NQ/TW").
 *
 * @param canonical the document's number in canonical form, e.g. {@code 57-NQ/TW}
 * @param type      type code (NQ, QĐ, CV, ...) or null
 * @param issuer    issuer code (TW, CP, VPĐU, ...)
 * @param number    serial number without leading zeros
 * @param year      the year inside the number, or null
 * @param issued    the date of the place-and-date line ("Hà Nội, ngày 22 tháng 12 năm 2024"), or null
 * @param title     the title (the line after the type in capitals, or the "V/v ..." line), or null
 * @param start     char offset of the number in the header
 * @param end       char offset just past it
 */
public record DocumentIdentity(String canonical, String type, String issuer, String number, Integer year,
                               LocalDate issued, String title, int start, int end) {}
