package kz.shagym.security;

import java.util.UUID;

/** What an access decision needs to know of a case: its id (for grants), its number (for the audit) and its lawyer. */
public record CaseRef(UUID id, String caseNumber, String lawyer) {}
