package kz.shagym.letter;

import java.time.LocalDate;

/**
 * One document listed under "Приложения" / "List of documents": an attachment the lawyer ticked for the letter.
 *
 * @param title what the document is, as the lawyer named it ("Постановление об отказе в регистрации от 12.03.2026")
 * @param date the document's own date, if known
 * @param pages number of pages, if known
 */
public record Annex(String title, LocalDate date, Integer pages) {}
