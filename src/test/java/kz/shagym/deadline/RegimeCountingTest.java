package kz.shagym.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ad-hoc computations, one table per regime; expected dates worked out by hand in the comments. */
class RegimeCountingTest {

    private static ComputedDeadline adHoc(Regime regime, String period, String trigger) {
        return Fixtures.CALCULATOR.compute(new DeadlineRequest(null, regime, period,
                OffsetDateTime.parse(trigger).toInstant(), Set.of(), Set.of()));
    }

    @ParameterizedTest(name = "UPK_SUTKI {0} from {1} → {2}")
    @CsvSource(textBlock = """
        # 1 May 2026 (Fri) + 15 сутки → 16 May (Sat), not moved
        P15D, 2026-05-01T15:00:00+05:00, 2026-05-16, 2026-05-16T19:00:00Z
        # 22:30 local is still 1 May (17:30Z) → day 1 = 2 May
        P1D,  2026-05-01T22:30:00+05:00, 2026-05-02, 2026-05-02T19:00:00Z
        # 20:00Z on 1 May is 01:00 local on 2 May → day 1 = 3 May
        P1D,  2026-05-01T20:00:00Z,      2026-05-03, 2026-05-03T19:00:00Z
        # 2021 trigger: Almaty UTC+6 → 24:00 local = 18:00Z
        P15D, 2021-01-18T10:00:00+06:00, 2021-02-02, 2021-02-02T18:00:00Z
        # year boundary: 29 Dec 2025 + 3 → 1 Jan 2026 (New Year), not moved
        P3D,  2025-12-29T12:00:00+05:00, 2026-01-01, 2026-01-01T19:00:00Z
        # leap day: 28 Feb 2028 would need no calendar: сутки never consult it
        P1D,  2028-02-28T12:00:00+05:00, 2028-02-29, 2028-02-29T19:00:00Z
        """)
    void upkSutkiCountFromTheNextDayAndNeverMove(String period, String trigger, LocalDate lastDay, Instant dueAt) {
        ComputedDeadline d = adHoc(Regime.UPK_SUTKI, period, trigger);
        assertThat(d.lastDay()).isEqualTo(lastDay);
        assertThat(d.dueAt()).isEqualTo(dueAt);
    }

    @Test
    void upkSutkiEndingOnSaturdaySaysItIsNotMoved() {
        ComputedDeadline d = adHoc(Regime.UPK_SUTKI, "P15D", "2026-05-01T15:00:00+05:00");
        assertThat(d.explanation(Messages.EN)).anyMatch(l -> l.contains("16.05.2026 (Sat) is a day off") && l.contains("not moved"));
        assertThat(d.explanation(Messages.RU)).anyMatch(l -> l.contains("не переносится"));
    }

    @ParameterizedTest(name = "UPK_MONTHS {0} from {1} → {2}")
    @CsvSource(textBlock = """
        # 31 Jan 2026 + 1 month → no 31 Feb → 28 Feb (Sat) → 1 Mar Sun → 2 Mar (Mon)
        P1M, 2026-01-31T12:00:00+05:00, 2026-03-02
        # 31 Jan 2024 + 1 month → 29 Feb 2024 (leap year, Thu)
        P1M, 2024-01-31T12:00:00+06:00, 2024-02-29
        # 31 Jan 2023 + 1 month → 28 Feb 2023 (Tue)
        P1M, 2023-01-31T12:00:00+06:00, 2023-02-28
        # 8 Feb 2026 + 1 month → 8 Mar (Sun, holiday) → 9 Mar moved day off → 10 Mar (Tue)
        P1M, 2026-02-08T12:00:00+05:00, 2026-03-10
        # year boundary: 1 Oct 2025 + 3 months → 1 Jan 2026 (holiday), 2 Jan holiday, 3–4 weekend → 5 Jan (Mon)
        P3M, 2025-10-01T12:00:00+05:00, 2026-01-05
        # 6 Apr 2021 + 3 months → 6 Jul 2021 (Tue, Capital Day) → 7 Jul (Wed); 5 Jul was the transfer day off
        P3M, 2021-04-06T12:00:00+06:00, 2021-07-07
        """)
    void upkMonthsMoveALastDayOffToTheNextWorkingDay(String period, String trigger, LocalDate lastDay) {
        assertThat(adHoc(Regime.UPK_MONTHS, period, trigger).lastDay()).isEqualTo(lastDay);
    }

    @ParameterizedTest(name = "WORKING_DAYS {0} from {1} → {2}")
    @CsvSource(textBlock = """
        # 8 May 2026 (Fri): 9–10 weekend, 11 Mon = Victory Day (Sat 9 May) moved off → 12 May (Tue)
        P1D,  2026-05-08T12:00:00+05:00, 2026-05-12
        # 3 May 2024 (Fri): 4 May is a decreed working Saturday
        P1D,  2024-05-03T12:00:00+05:00, 2024-05-04
        # 7 May 2024 is a holiday, 8 May a transfer day off, 9 May a holiday: from 6 May → 10 May (Fri)
        P1D,  2024-05-06T12:00:00+05:00, 2024-05-10
        # Kurban Ait (religious, not moved): 6 Jun 2025 (Fri) off; from 5 Jun → 9 Jun (Mon)
        P1D,  2025-06-05T12:00:00+05:00, 2025-06-09
        # 30 Aug 2025 (Sat, Constitution Day) → moved to 1 Sep (Mon): from 29 Aug → 2 Sep (Tue)
        P1D,  2025-08-29T12:00:00+05:00, 2025-09-02
        # 30 Aug is no holiday from 2026: 28 Aug 2026 (Fri) → 31 Aug (Mon)
        P1D,  2026-08-28T12:00:00+05:00, 2026-08-31
        # 15 Mar 2027 (Mon) is Constitution Day: from 12 Mar (Fri) → 16 Mar (Tue)
        P1D,  2027-03-12T12:00:00+05:00, 2027-03-16
        # 25 Oct 2026 (Sun, Republic Day) → 26 Oct moved off: from 23 Oct (Fri) → 27 Oct (Tue)
        P1D,  2026-10-23T12:00:00+05:00, 2026-10-27
        # 2021: 16–17 Dec (Thu–Fri) Independence Day: from 15 Dec → 20 Dec (Mon)
        P1D,  2021-12-15T12:00:00+06:00, 2021-12-20
        # year boundary: 30 Dec 2026 (Wed): 31 Dec (1); 1 Jan (Fri) and 2 Jan (Sat) New Year, 3 Jan Sun,
        # 4 Jan (Mon) = day off moved from 2 Jan (Sat); 5 Jan (Tue) = 2
        P2D,  2026-12-30T12:00:00+05:00, 2027-01-05
        """)
    void workingDaysSkipEveryDayOff(String period, String trigger, LocalDate lastDay) {
        assertThat(adHoc(Regime.WORKING_DAYS, period, trigger).lastDay()).isEqualTo(lastDay);
    }

    @Test
    void workingDaysExplainEachSkippedDay() {
        ComputedDeadline d = adHoc(Regime.WORKING_DAYS, "P1D", "2026-05-08T12:00:00+05:00");
        assertThat(d.explanation(Messages.EN))
                .anyMatch(l -> l.startsWith("09.05.2026 (Sat) is not counted: Victory Day"))
                .anyMatch(l -> l.startsWith("10.05.2026 (Sun) is not counted: Sunday"))
                .anyMatch(l -> l.startsWith("11.05.2026 (Mon) is not counted: Day off moved from Victory Day"));
        assertThat(d.explanation(Messages.KK)).anyMatch(l -> l.contains("Жеңіс күні"));
    }

    @ParameterizedTest(name = "CALENDAR_DAYS {0} from {1} → {2}")
    @CsvSource(textBlock = """
        # 25 Dec 2025 + 10 → 4 Jan 2026 (Sun), never moved
        P10D,  2025-12-25T12:00:00+05:00, 2026-01-04
        # leap: 1 Feb 2024 + 28 → 29 Feb 2024
        P28D,  2024-02-01T12:00:00+06:00, 2024-02-29
        # beyond the loaded calendar is fine: 1 Dec 2027 + 90 → 29 Feb 2028
        P90D,  2027-12-01T12:00:00+05:00, 2028-02-29
        """)
    void calendarDaysNeverMove(String period, String trigger, LocalDate lastDay) {
        assertThat(adHoc(Regime.CALENDAR_DAYS, period, trigger).lastDay()).isEqualTo(lastDay);
    }

    @ParameterizedTest(name = "CALENDAR_MONTHS {0} from {1} → {2}")
    @CsvSource(textBlock = """
        # 31 Jan 2023 + 1 month → 28 Feb 2023
        P1M, 2023-01-31T12:00:00+06:00, 2023-02-28
        # 31 Jan 2024 + 1 month → 29 Feb 2024
        P1M, 2024-01-31T12:00:00+06:00, 2024-02-29
        # 29 Feb 2024 + 1 year → 28 Feb 2025
        P1Y, 2024-02-29T12:00:00+05:00, 2025-02-28
        # 31 Aug 2025 + 6 months → 28 Feb 2026 (Sat), not moved
        P6M, 2025-08-31T12:00:00+05:00, 2026-02-28
        # year boundary: 31 Jul 2025 + 5 months → 31 Dec 2025
        P5M, 2025-07-31T12:00:00+05:00, 2025-12-31
        """)
    void calendarMonthsKeepTheDateOrTakeTheMonthEnd(String period, String trigger, LocalDate lastDay) {
        assertThat(adHoc(Regime.CALENDAR_MONTHS, period, trigger).lastDay()).isEqualTo(lastDay);
    }

    @ParameterizedTest(name = "UPK_HOURS {0} from {1} → {2}")
    @CsvSource(textBlock = """
        # 1 May 2026 22:30 +05 + 2 h → 2 May 00:30 local (19:30Z on 1 May)
        PT2H,  2026-05-01T22:30:00+05:00, 2026-05-02, 2026-05-01T19:30:00Z
        # across the 2024 change: 29 Feb 2024 23:30 +06 = 17:30Z, +1 h = 18:30Z = 23:30 +05 on 29 Feb (repeated hour)
        PT1H,  2024-02-29T23:30:00+06:00, 2024-02-29, 2024-02-29T18:30:00Z
        # 31 Dec 2025 12:00 +05 + 48 h → 2 Jan 2026 12:00 +05
        PT48H, 2025-12-31T12:00:00+05:00, 2026-01-02, 2026-01-02T07:00:00Z
        """)
    void upkHoursEndAtTheExactInstant(String period, String trigger, LocalDate lastDay, Instant dueAt) {
        ComputedDeadline d = adHoc(Regime.UPK_HOURS, period, trigger);
        assertThat(d.lastDay()).isEqualTo(lastDay);
        assertThat(d.dueAt()).isEqualTo(dueAt);
    }

    @Test
    void extraDaysAdjustTheCalendarForOneComputationOnly() {
        Instant trigger = OffsetDateTime.parse("2026-05-01T15:00:00+05:00").toInstant();
        // 2 May (Sat) declared working → it is the 1st working day
        ComputedDeadline saturday = Fixtures.CALCULATOR.compute(new DeadlineRequest(null, Regime.WORKING_DAYS, "P1D",
                trigger, Set.of(), Set.of(LocalDate.parse("2026-05-02"))));
        assertThat(saturday.lastDay()).isEqualTo("2026-05-02");
        // 4 May (Mon) closed → 5 May
        ComputedDeadline closed = Fixtures.CALCULATOR.compute(new DeadlineRequest(null, Regime.WORKING_DAYS, "P1D",
                trigger, Set.of(LocalDate.parse("2026-05-04")), Set.of()));
        assertThat(closed.lastDay()).isEqualTo("2026-05-05");
        // and the calendar itself is untouched
        assertThat(adHoc(Regime.WORKING_DAYS, "P1D", "2026-05-01T15:00:00+05:00").lastDay()).isEqualTo("2026-05-04");
    }

    @Test
    void ruleWithExtraDaysUsesTheRulesRegimeAndPeriod() {
        // art. 106 is УПК сутки: a closed court on 4 May changes nothing
        ComputedDeadline d = Fixtures.CALCULATOR.compute(new DeadlineRequest("kz.upk.106.file-complaint", null, null,
                OffsetDateTime.parse("2026-05-01T15:00:00+05:00").toInstant(), Set.of(LocalDate.parse("2026-05-04")), Set.of()));
        assertThat(d.lastDay()).isEqualTo("2026-05-16");
        assertThat(d.owedBy()).isEqualTo(OwedBy.APPLICANT);
    }

    @Test
    void workingDaysBeyondTheLoadedYearsAreRefusedNamingTheYear() {
        // 28 Dec 2027: 29, 30, 31 Dec count 3 of 5 → 2028 needed
        assertThatThrownBy(() -> adHoc(Regime.WORKING_DAYS, "P5D", "2027-12-28T10:00:00+05:00"))
                .isInstanceOf(CalendarRangeException.class)
                .hasMessage("no working-day calendar loaded for 2028");
        assertThatThrownBy(() -> adHoc(Regime.WORKING_DAYS, "P1D", "2019-06-01T10:00:00+06:00"))
                .isInstanceOf(CalendarRangeException.class)
                .hasMessage("no working-day calendar loaded for 2019");
    }

    @Test
    void monthMoveBeyondTheLoadedYearsIsRefused() {
        assertThatThrownBy(() -> Fixtures.CALCULATOR.compute("kz.gk.state-liability-claim",
                OffsetDateTime.parse("2025-12-16T10:00:00+05:00").toInstant()))
                .isInstanceOf(CalendarRangeException.class)
                .hasMessageContaining("2028");
    }

    @ParameterizedTest(name = "{0} {1} rejected")
    @CsvSource(textBlock = """
        UPK_SUTKI,       P1X
        UPK_SUTKI,       P1M
        UPK_SUTKI,       P0D
        UPK_SUTKI,       P-1D
        UPK_MONTHS,      P1Y
        UPK_HOURS,       P1D
        UPK_HOURS,       PT1.5H
        CALENDAR_MONTHS, P1D
        WORKING_DAYS,    ''
        """)
    void malformedPeriodsAreRejectedNamingThePeriod(Regime regime, String period) {
        assertThatThrownBy(() -> adHoc(regime, period, "2026-05-01T15:00:00+05:00"))
                .isInstanceOf(InvalidPeriodException.class)
                .extracting(e -> ((DeadlineException) e).field()).isEqualTo("period");
    }

    @Test
    void unknownRuleIsRejectedNamingTheRule() {
        assertThatThrownBy(() -> Fixtures.CALCULATOR.compute("kz.nope", Instant.parse("2026-01-01T00:00:00Z")))
                .isInstanceOf(UnknownRuleException.class)
                .extracting(e -> ((DeadlineException) e).field()).isEqualTo("rule");
    }

    @Test
    void explanationNamesTriggerRuleArticleAndEndInEveryLanguage() {
        ComputedDeadline d = Fixtures.CALCULATOR.compute("kz.upk.106.file-complaint",
                OffsetDateTime.parse("2026-05-01T15:00:00+05:00").toInstant());
        assertThat(d.explanation(Messages.RU)).first().asString().isEqualTo("Событие: 01.05.2026 15:00 по времени Алматы.");
        assertThat(d.explanation(Messages.RU)).anyMatch(l -> l.contains("УПК РК ст. 106") && l.endsWith("срок — 15\u00A0суток."));
        assertThat(d.explanation(Messages.KK)).anyMatch(l -> l.endsWith("мерзімі — 15\u00A0тәулік."));
        assertThat(d.explanation(Messages.KK)).last().asString().contains("16.05.2026").contains("24:00");
        assertThat(d.explanation(Messages.EN)).last().asString().isEqualTo(
                "The period ends at 24:00 on 16.05.2026 (Sat) Almaty time.");
        assertThat(String.join("\n", d.explanation(Messages.RU)))
                .as("no ISO period, timestamp or UTC instant in what a lawyer reads")
                .doesNotContain("P15D").doesNotContain("T15:00").doesNotContain("Z").doesNotContain("kz.upk");
        assertThat(d.verified()).isTrue();
    }

    @Test
    void unverifiedRuleExplanationSaysCheckTheArticle() {
        ComputedDeadline d = Fixtures.CALCULATOR.compute("kz.upk.181.registration",
                OffsetDateTime.parse("2026-05-01T15:00:00+05:00").toInstant());
        assertThat(d.verified()).isFalse();
        assertThat(d.explanation(Messages.EN)).anyMatch(l -> l.contains("check the article"));
        assertThat(d.explanation(Messages.RU)).anyMatch(l -> l.contains("сверьте статью"));
        assertThat(d.explanation(Messages.KK)).anyMatch(l -> l.contains("тексерілмеген"));
    }
}
