package kz.shagym.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Lengths of time in the explanation as a lawyer says them, with the plural each language takes after a numeral. */
class AmountWordingTest {

    @ParameterizedTest(name = "{0} {1} → {2} | {3} | {4}")
    @CsvSource(delimiter = '|', textBlock = """
        1   | SUTKI         | 1 сутки                | 1 тәулік              | 1 day (сутки)
        2   | SUTKI         | 2 суток                | 2 тәулік              | 2 days (сутки)
        5   | SUTKI         | 5 суток                | 5 тәулік              | 5 days (сутки)
        15  | SUTKI         | 15 суток               | 15 тәулік             | 15 days (сутки)
        21  | SUTKI         | 21 сутки               | 21 тәулік             | 21 days (сутки)
        1   | HOURS         | 1 час                  | 1 сағат               | 1 hour
        2   | HOURS         | 2 часа                 | 2 сағат               | 2 hours
        5   | HOURS         | 5 часов                | 5 сағат               | 5 hours
        11  | HOURS         | 11 часов               | 11 сағат              | 11 hours
        24  | HOURS         | 24 часа                | 24 сағат              | 24 hours
        48  | HOURS         | 48 часов               | 48 сағат              | 48 hours
        1   | WORKING_DAYS  | 1 рабочий день         | 1 жұмыс күні          | 1 working day
        3   | WORKING_DAYS  | 3 рабочих дня          | 3 жұмыс күні          | 3 working days
        15  | WORKING_DAYS  | 15 рабочих дней        | 15 жұмыс күні         | 15 working days
        1   | MONTHS        | 1 месяц                | 1 ай                  | 1 month
        3   | MONTHS        | 3 месяца               | 3 ай                  | 3 months
        6   | MONTHS        | 6 месяцев              | 6 ай                  | 6 months
        12  | MONTHS        | 12 месяцев             | 12 ай                 | 12 months
        22  | MONTHS        | 22 месяца              | 22 ай                 | 22 months
        90  | CALENDAR_DAYS | 90 календарных дней    | 90 күнтізбелік күн    | 90 calendar days
        101 | CALENDAR_DAYS | 101 календарный день   | 101 күнтізбелік күн   | 101 calendar days
        1   | YEARS         | 1 год                  | 1 жыл                 | 1 year
        2   | YEARS         | 2 года                 | 2 жыл                 | 2 years
        5   | YEARS         | 5 лет                  | 5 жыл                 | 5 years
        """)
    void aLengthOfTimeTakesThePluralOfItsNumber(long count, Amount.Unit unit, String ru, String kk, String en) {
        Amount amount = new Amount(count, unit);
        assertThat(amount.in(Messages.RU)).isEqualTo(nbsp(ru));
        assertThat(amount.in(Messages.KK)).isEqualTo(nbsp(kk));
        assertThat(amount.in(Messages.EN)).isEqualTo(nbsp(en));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
        UPK_HOURS       | PT24H | 24 часа
        UPK_SUTKI       | P15D  | 15 суток
        WORKING_DAYS    | P3D   | 3 рабочих дня
        CALENDAR_DAYS   | P90D  | 90 календарных дней
        UPK_MONTHS      | P1M   | 1 месяц
        CALENDAR_MONTHS | P6M   | 6 месяцев
        CALENDAR_MONTHS | P5Y   | 5 лет
        """)
    void theRulesIsoPeriodIsReadInItsRegimesUnit(Regime regime, String period, String ru) {
        assertThat(Amount.of(regime, period).in(Messages.RU)).isEqualTo(nbsp(ru));
    }

    /** The number and its unit never part at a line's end: they are joined by a no-break space. */
    private static String nbsp(String amount) {
        return amount.replaceFirst(" ", "\u00A0");
    }

    @Test
    void anHourPeriodIsExplainedWithAlmatyDateAndTimeNotIsoOrUtc() {
        ComputedDeadline d = Fixtures.CALCULATOR.compute(new DeadlineRequest(null, Regime.UPK_HOURS, "PT24H",
                OffsetDateTime.parse("2026-05-01T15:30:00+05:00").toInstant(), null, null));
        assertThat(d.explanation(Messages.RU)).contains(
                "Событие: 01.05.2026 15:30 по времени Алматы.",
                "Срок в часах: 24\u00A0часа с момента события, до 02.05.2026 15:30 по времени Алматы.",
                "Срок истекает 02.05.2026 (сб) в 15:30 по времени Алматы.");
        assertThat(d.explanation(Messages.KK)).contains(
                "Сағатпен есептелетін мерзім: оқиға сәтінен бастап 24\u00A0сағат, Алматы уақытымен 02.05.2026 15:30 дейін.");
        assertThat(d.explanation(Messages.EN)).contains("The period ends on 02.05.2026 (Sat) at 15:30 Almaty time.");
        assertThat(String.join(" ", d.explanation(Messages.EN))).doesNotContain("PT24H").doesNotContain("UTC");
    }

    @Test
    void workingDaysNameTheHolidaysAndTransfersTheySkip() {
        ComputedDeadline d = Fixtures.CALCULATOR.compute(new DeadlineRequest(null, Regime.WORKING_DAYS, "P3D",
                OffsetDateTime.parse("2026-05-08T12:00:00+05:00").toInstant(), null, null));
        assertThat(d.explanation(Messages.RU)).contains(
                "Произвольный срок — 3\u00A0рабочих дня, в рабочих днях; правило каталога не применялось.",
                "Срок в рабочих днях (3\u00A0рабочих дня): счёт начинается со следующего дня после события, 09.05.2026 (сб).")
                .anyMatch(l -> l.startsWith("09.05.2026 (сб) не считается: День Победы"))
                .anyMatch(l -> l.startsWith("11.05.2026 (пн) не считается: Перенесённый выходной"));
    }
}
