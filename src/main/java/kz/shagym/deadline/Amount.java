package kz.shagym.deadline;

import java.util.Locale;

/**
 * A length of time as a lawyer says it — "15 суток", "24 часа", "3 рабочих дня", "15 тәулік", "3 working days" — instead
 * of the ISO period the rule is written in (P15D, PT24H). The unit follows the regime: P15D is 15 сутки under
 * {@link Regime#UPK_SUTKI} but 15 working days under {@link Regime#WORKING_DAYS}.
 */
public record Amount(long count, Unit unit) {

    public enum Unit { HOURS, SUTKI, WORKING_DAYS, CALENDAR_DAYS, MONTHS, YEARS }

    /** The period of a rule in its regime's unit; years stay years (P5Y is "5 лет", not "60 месяцев"). */
    public static Amount of(Regime regime, String period) {
        if (regime == Regime.CALENDAR_MONTHS && period != null && period.endsWith("Y")) {
            return new Amount(Periods.parse(regime, period) / 12, Unit.YEARS);
        }
        long n = Periods.parse(regime, period);
        return new Amount(n, switch (regime) {
            case UPK_HOURS -> Unit.HOURS;
            case UPK_SUTKI -> Unit.SUTKI;
            case WORKING_DAYS -> Unit.WORKING_DAYS;
            case CALENDAR_DAYS -> Unit.CALENDAR_DAYS;
            case UPK_MONTHS, CALENDAR_MONTHS -> Unit.MONTHS;
        });
    }

    /** "1 сутки", "2 суток", "21 сутки"; "1 час", "3 часа", "11 часов"; Kazakh has one form after a numeral. */
    public String in(Locale locale) {
        String lang = Messages.lang(locale);
        return Messages.text("unit." + unit.name() + "." + pluralCategory(lang, count), locale)
                .replace("{0}", Long.toString(count));
    }

    /**
     * The CLDR plural category of a whole number: Russian one (1, 21, 101), few (2–4, 22–24 but not 12–14), many (the
     * rest); English one (1) and other; Kazakh nouns do not change after a numeral (other).
     */
    static String pluralCategory(String lang, long n) {
        return switch (lang) {
            case "ru" -> {
                long mod10 = n % 10;
                long mod100 = n % 100;
                if (mod10 == 1 && mod100 != 11) {
                    yield "one";
                }
                yield mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? "few" : "many";
            }
            case "en" -> n == 1 ? "one" : "other";
            default -> "other";
        };
    }
}
