package kz.shagym.deadline;

/** The article a rule rests on; {@code display} is what users see, e.g. "УПК РК ст. 106". */
public record LegalBasis(String act, String article, String part, String display) {}
