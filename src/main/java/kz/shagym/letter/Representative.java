package kz.shagym.letter;

/** Counsel or NGO representative who signs the letter on the victim's behalf. */
public record Representative(String fullName, String organization, String contact) {}
