package sohieu.lang;

/** A paragraph of a text: its char offsets and its language (vi, ru, fr, pl, en or und). */
public record Paragraph(int start, int end, String lang) {}
