package kz.shagym.letter;

import java.time.LocalDate;

/** The victim (applicant). {@code minor} switches on the legal-representative clauses. */
public record Person(String fullName, LocalDate birthDate, boolean minor) {}
