package kz.shagym.deadline;

import java.util.Locale;

/**
 * One line of a computation's explanation, kept as a kind plus arguments so it can be rendered in ru, kk or en
 * (templates in messages/deadline_*.properties, key = kind name).
 */
public record Step(Kind kind, Object... args) {

    public enum Kind {
        TRIGGER, RULE, AD_HOC, UNVERIFIED, CALENDAR_ADJUSTED,
        SUTKI_COUNT, SUTKI_NOT_MOVED,
        MONTHS_ADD, MONTH_END, MOVE_SKIP, MOVED_TO,
        WORKING_DAYS_START, WORKING_DAY_SKIPPED, WORKING_DAYS_LAST,
        CALENDAR_DAYS_ADD, CALENDAR_MONTHS_ADD,
        HOURS_ADD,
        END_OF_DAY, END_AT_INSTANT
    }

    public String render(Locale locale) {
        return Messages.render(this, locale);
    }
}
