package kz.shagym.deadline;

/**
 * Parses the ISO-8601 period strings each regime accepts. Hand-written (no regex, no allocation on success)
 * because it runs on every computation.
 */
final class Periods {
    /** Longer than any legal period (HRC 5 years = 1826 days) but small enough that date arithmetic cannot overflow. */
    private static final int MAX_AMOUNT = 100_000;

    private Periods() {}

    /** A parsed period: {@code amount} in the regime's unit (hours, days or months; years are turned into months). */
    static long parse(Regime regime, String period) {
        if (period == null || period.isBlank()) {
            throw new InvalidPeriodException("period", "period is missing; " + expected(regime));
        }
        long amount = switch (regime) {
            case UPK_HOURS -> between(period, "PT", 'H', 1);
            case UPK_SUTKI, WORKING_DAYS, CALENDAR_DAYS -> between(period, "P", 'D', 1);
            case UPK_MONTHS -> between(period, "P", 'M', 1);
            case CALENDAR_MONTHS -> period.endsWith("Y") ? between(period, "P", 'Y', 12) : between(period, "P", 'M', 1);
        };
        if (amount < 0) {
            throw new InvalidPeriodException("period",
                    "period '" + period + "' is not valid for regime " + regime + "; " + expected(regime));
        }
        return amount;
    }

    static String expected(Regime regime) {
        return switch (regime) {
            case UPK_HOURS -> "expected PTnH, e.g. PT24H";
            case UPK_SUTKI, WORKING_DAYS, CALENDAR_DAYS -> "expected PnD, e.g. P15D";
            case UPK_MONTHS -> "expected PnM, e.g. P3M";
            case CALENDAR_MONTHS -> "expected PnM or PnY, e.g. P6M or P5Y";
        };
    }

    /** prefix + positive digits + unit, times multiplier; -1 when the text has another shape. */
    private static long between(String s, String prefix, char unit, int multiplier) {
        int start = prefix.length();
        int end = s.length() - 1;
        if (!s.startsWith(prefix) || end <= start || s.charAt(end) != unit || end - start > 6) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value >= 1 && value <= MAX_AMOUNT ? value * multiplier : -1;
    }
}
