package kz.shagym.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped YAML and message bundles load and are complete. */
class ConfigFilesTest {

    private static final Set<String> CONTRACT_IDS = Set.of(
            "kz.upk.181.registration", "kz.upk.181.forward-without-registration", "kz.upk.99.motion-decision",
            "kz.upk.105.prosecutor-answer", "kz.upk.106.file-complaint", "kz.upk.107.appeal",
            "kz.appk.76.answer", "kz.appk.92.pretrial-complaint", "kz.appk.136.court-claim",
            "un.cat.22.state-reply", "un.cat.follow-up", "un.hrc.op.state-reply", "un.hrc.submission-limit",
            "un.hrc.follow-up",
            // used by the escalation ladder
            "kz.upk.106.prosecutor-silence", "kz.upk.106.judge-decision", "kz.upk.107.appeal-review",
            "un.cat.delay-warning");

    @Test
    void everyCalendarYearFrom2020To2027IsLoaded() {
        assertThat(Fixtures.CALENDAR.years().keySet()).containsExactlyElementsOf(
                IntStream.rangeClosed(2020, 2027).boxed().toList());
    }

    @Test
    void everyContractAndLadderRuleIdExists() {
        Set<String> ids = Fixtures.CATALOG.all().stream().map(DeadlineRule::id).collect(Collectors.toSet());
        assertThat(ids).containsAll(CONTRACT_IDS);
    }

    @Test
    void everyResearchTableRowIsAccountedForInTheCatalog() {
        Set<String> rows = new TreeSet<>();
        Stream.of("K", "A", "U", "H", "C").forEach(prefix -> {
            int last = switch (prefix) { case "K" -> 14; case "A" -> 8; case "U" -> 5; case "H" -> 6; default -> 2; };
            IntStream.rangeClosed(1, last).forEach(i -> rows.add(prefix + i));
        });
        assertThat(Fixtures.CATALOG.tableRows().keySet()).containsAll(rows);
    }

    @Test
    void requiredRulesHaveTheAgreedRegimePeriodAndConfidence() {
        LocalDate today = LocalDate.parse("2026-05-01");
        assertRule("kz.upk.181.registration", Regime.UPK_HOURS, "PT24H", OwedBy.AUTHORITY, today);
        assertRule("kz.upk.106.file-complaint", Regime.UPK_SUTKI, "P15D", OwedBy.APPLICANT, today);
        assertRule("kz.appk.76.answer", Regime.WORKING_DAYS, "P15D", OwedBy.AUTHORITY, today);
        assertRule("un.hrc.submission-limit", Regime.CALENDAR_MONTHS, "P5Y", OwedBy.APPLICANT, today);
        assertThat(Fixtures.CATALOG.rule("un.hrc.submission-limit", today).reminderOffsets()).contains(Period.ofYears(1));
        assertThat(Fixtures.CATALOG.rule("un.cat.22.state-reply", today).confidence()).isEqualTo(Confidence.V1);
        assertThat(Fixtures.CATALOG.rule("un.cat.delay-warning", today).note()).contains("Policy choice, not law");
    }

    private static void assertRule(String id, Regime regime, String period, OwedBy owedBy, LocalDate at) {
        DeadlineRule r = Fixtures.CATALOG.rule(id, at);
        assertThat(r.regime()).isEqualTo(regime);
        assertThat(r.period()).isEqualTo(period);
        assertThat(r.owedBy()).isEqualTo(owedBy);
    }

    @Test
    void reminderOffsetsNeverExceedThePeriod() {
        LocalDate from = LocalDate.parse("2026-01-31");
        for (DeadlineRule r : Fixtures.CATALOG.all()) {
            if (r.regime() == Regime.UPK_HOURS) {
                assertThat(r.reminderOffsets()).as(r.id()).isEmpty();
                continue;
            }
            Period period = Period.parse(r.period());
            for (Period offset : r.reminderOffsets()) {
                assertThat(from.plus(offset)).as("%s offset %s", r.id(), offset).isBeforeOrEqualTo(from.plus(period));
            }
        }
    }

    @Test
    void applicantRulesHaveRemindersAndUnverifiedRulesSayWhatToCheck() {
        for (DeadlineRule r : Fixtures.CATALOG.all()) {
            if (r.owedBy() == OwedBy.APPLICANT) {
                assertThat(r.reminderOffsets()).as(r.id()).contains(Period.ZERO);
            }
            if (!r.confidence().verified()) {
                assertThat(r.note()).as(r.id()).isNotBlank();
            }
            assertThat(r.title()).as(r.id()).containsKeys("ru", "kk", "en");
        }
    }

    @Test
    void calendarEncodesTheConstitutionChangeAndKurbanAit() {
        WorkingDayCalendar c = Fixtures.CALENDAR;
        assertThat(c.isWorkingDay(LocalDate.parse("2024-08-30"))).as("30 Aug 2024 holiday").isFalse();
        assertThat(c.isWorkingDay(LocalDate.parse("2022-08-30"))).isFalse();
        // 30 Aug 2027 is a Monday and no longer a holiday
        assertThat(c.isWorkingDay(LocalDate.parse("2027-08-30"))).isTrue();
        assertThat(c.isWorkingDay(LocalDate.parse("2027-03-15"))).isFalse();
        assertThat(c.isWorkingDay(LocalDate.parse("2026-03-16"))).isTrue();
        assertThat(c.whyNotWorking(LocalDate.parse("2026-05-27"), Messages.EN)).hasValueSatisfying(
                s -> assertThat(s).startsWith("Kurban Ait"));
        assertThat(c.entry(LocalDate.parse("2026-05-27")).orElseThrow().note()).contains("confirm");
        assertThat(c.whyNotWorking(LocalDate.parse("2026-03-23"))).hasValueSatisfying(
                s -> assertThat(s).startsWith("Наурыз мейрамы").contains("ст. 5"));
        assertThat(c.whyNotWorking(LocalDate.parse("2026-05-02"), Messages.EN)).contains("Saturday (weekend)");
        assertThat(c.whyNotWorking(LocalDate.parse("2026-05-04"))).isEmpty();
        // religious days are not moved: 7 Jan 2023 (Sat) gives no day off on Mon 9 Jan
        assertThat(c.isWorkingDay(LocalDate.parse("2023-01-09"))).isTrue();
        // 1 Dec and 17 Dec were holidays only until 2021
        assertThat(c.isWorkingDay(LocalDate.parse("2021-12-01"))).isFalse();
        assertThat(c.isWorkingDay(LocalDate.parse("2022-12-01"))).isTrue();
        // 25 Oct from 2022
        assertThat(c.isWorkingDay(LocalDate.parse("2021-10-25"))).isTrue();
        assertThat(c.isWorkingDay(LocalDate.parse("2022-10-25"))).isFalse();
    }

    @Test
    void messageBundlesHaveTheSameKeysInRuKkEnAndCoverEveryStepKind() throws IOException {
        Map<String, Set<String>> keys = new java.util.HashMap<>();
        for (String lang : new String[] {"ru", "kk", "en"}) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/messages/deadline_" + lang + ".properties")) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            keys.put(lang, p.stringPropertyNames());
        }
        // The plural forms of a length of time differ by language (ru one/few/many, en one/other, kk other): every
        // other key is the same in the three, and each has every form its language's plural rule asks for.
        Map<String, List<String>> forms = Map.of("ru", List.of("one", "few", "many"), "kk", List.of("other"),
                "en", List.of("one", "other"));
        for (String lang : forms.keySet()) {
            Set<String> units = new java.util.TreeSet<>();
            for (Amount.Unit unit : Amount.Unit.values()) {
                forms.get(lang).forEach(form -> units.add("unit." + unit.name() + "." + form));
            }
            assertThat(keys.get(lang).stream().filter(k -> k.startsWith("unit.")).sorted().toList())
                    .as(lang).containsExactlyElementsOf(units);
        }
        java.util.function.Function<Set<String>, Set<String>> withoutUnits = all -> all.stream()
                .filter(k -> !k.startsWith("unit.")).collect(java.util.stream.Collectors.toSet());
        assertThat(withoutUnits.apply(keys.get("kk"))).isEqualTo(withoutUnits.apply(keys.get("ru")));
        assertThat(withoutUnits.apply(keys.get("en"))).isEqualTo(withoutUnits.apply(keys.get("ru")));
        for (Step.Kind kind : Step.Kind.values()) {
            assertThat(keys.get("ru")).contains(kind.name());
        }
    }

    @Test
    void almatyTimeZoneDataKnowsThe2024Change() {
        TimeZoneCheck.verify(DeadlineCalculator.ZONE);
        assertThat(DeadlineCalculator.ZONE.getRules().getOffset(TimeZoneCheck.AFTER_CHANGE).getTotalSeconds()).isEqualTo(5 * 3600);
    }
}
