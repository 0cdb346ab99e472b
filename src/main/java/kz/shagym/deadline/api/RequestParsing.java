package kz.shagym.deadline.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kz.shagym.deadline.DeadlineCalculator;
import kz.shagym.deadline.InvalidInputException;
import kz.shagym.deadline.Messages;
import kz.shagym.deadline.MissingOffsetException;
import kz.shagym.deadline.Regime;
import kz.shagym.deadline.UnknownRegimeException;

/** Turns request strings into domain values with errors that name the field. */
final class RequestParsing {
    /** The Republic's own law starts at independence; a deadline planned past 2100 is a typo, not a plan. */
    static final LocalDate EARLIEST = LocalDate.of(1991, 12, 16);
    static final LocalDate LATEST = LocalDate.of(2100, 1, 1);
    private static final ZoneId ZONE = DeadlineCalculator.ZONE;

    private RequestParsing() {}

    /** A trigger must carry its offset: a bare local time is ambiguous (Almaty was UTC+6 before 2024-03-01). */
    static Instant trigger(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("trigger", "trigger is missing; give an ISO date-time with offset, e.g. 2026-05-01T15:00:00+05:00");
        }
        try {
            Instant trigger = OffsetDateTime.parse(text.trim()).toInstant();
            if (trigger.isBefore(EARLIEST.atStartOfDay(ZONE).toInstant()) || !trigger.isBefore(LATEST.atStartOfDay(ZONE).toInstant())) {
                throw new InvalidInputException("trigger", "trigger '" + text + "' is out of range: " + EARLIEST + " to " + LATEST);
            }
            return trigger;
        } catch (DateTimeParseException e) {
            if (isLocalDateTime(text.trim())) {
                throw new MissingOffsetException("trigger", "trigger '" + text + "' has no UTC offset; add one, e.g. "
                        + text.trim() + "+05:00");
            }
            throw new InvalidInputException("trigger", "trigger '" + text + "' is not an ISO date-time with offset, e.g. 2026-05-01T15:00:00+05:00");
        }
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDate.parse(text);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }

    static Regime regime(String text) {
        try {
            return Regime.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw new UnknownRegimeException("regime", "unknown regime '" + text + "'; one of " + List.of(Regime.values()));
        }
    }

    static Set<LocalDate> dates(List<String> texts, String field) {
        Set<LocalDate> out = new HashSet<>();
        if (texts == null) {
            return out;
        }
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            try {
                out.add(LocalDate.parse(t == null ? "" : t.trim()));
            } catch (DateTimeException e) {
                throw new InvalidInputException(field + "[" + i + "]", field + "[" + i + "] '" + t + "' is not an ISO date (YYYY-MM-DD)");
            }
        }
        return out;
    }

    static LocalDate date(String text, String field) {
        try {
            LocalDate date = LocalDate.parse(text.trim());
            if (date.isBefore(EARLIEST) || !date.isBefore(LATEST)) {
                throw new InvalidInputException(field, field + " '" + text + "' is out of range: " + EARLIEST + " to " + LATEST);
            }
            return date;
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, field + " '" + text + "' is not an ISO date (YYYY-MM-DD)");
        }
    }

    /** lang parameter, then body lang, then Accept-Language; ru by default. */
    static Locale locale(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            return Locale.forLanguageTag(Messages.lang(Locale.forLanguageTag(lang.trim())));
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = range.getRange().toLowerCase(Locale.ROOT);
                    if (tag.startsWith("kk") || tag.startsWith("en") || tag.startsWith("ru")) {
                        return Locale.forLanguageTag(tag.substring(0, 2));
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // A malformed header is not worth a 400: fall back to Russian.
            }
        }
        return Messages.RU;
    }
}
