package kz.shagym.deadline;

/** How a period is counted. The arithmetic for each lives in {@link DeadlineCalculator}; the numbers live in YAML. */
public enum Regime {
    /** УПК сутки (PnD): trigger day not counted, ends 24:00 of day n, never moved for days off. */
    UPK_SUTKI,
    /** Month periods (PnM) moved to the next working day when the last day is a day off (УПК art. 49, АППК). */
    UPK_MONTHS,
    /** PnD working days counted from the day after the trigger (АППК). */
    WORKING_DAYS,
    /** PnD calendar days, never moved (UN follow-up periods). */
    CALENDAR_DAYS,
    /** PnM / PnY calendar months or years, never moved (UN periods). */
    CALENDAR_MONTHS,
    /** PTnH from the trigger instant. */
    UPK_HOURS
}
