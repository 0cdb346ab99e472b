package kz.shagym.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every catalog rule id with at least one date worked out by hand (reasoning in the comment of each row). */
class CatalogRuleDatesTest {
    private static final Set<String> TESTED = new HashSet<>();

    @ParameterizedTest(name = "{0} from {1} ends {2} / {3}")
    @CsvSource(textBlock = """
        # --- УПК сутки: trigger day not counted, never moved ---
        # 1 May 2026 (Fri) + 15 сутки → 16 May (Sat), not moved; 24:00 +05 = 19:00Z (the contract example)
        kz.upk.106.file-complaint,              2026-05-01T15:00:00+05:00, 2026-05-16, 2026-05-16T19:00:00Z
        # 30 Dec 2026 + 3 сутки → 2 Jan 2027 (Sat, New Year), not moved
        kz.upk.181.forward-without-registration, 2026-12-30T10:00:00+05:00, 2027-01-02, 2027-01-02T19:00:00Z
        # 20 Mar 2026 (Fri) + 3 сутки → 23 Mar (Mon, Nauryz), not moved
        kz.upk.99.motion-decision,              2026-03-20T09:00:00+05:00, 2026-03-23, 2026-03-23T19:00:00Z
        # 18 Jan 2021 + 3 сутки → 21 Jan (Thu); Almaty was UTC+6 then, so 24:00 = 18:00Z
        kz.upk.105.prosecutor-answer,           2021-01-18T10:00:00+06:00, 2021-01-21, 2021-01-21T18:00:00Z
        # 1 Feb 2026 + 10 сутки → 11 Feb (Wed)
        kz.upk.105.prosecutor-answer-extended,  2026-02-01T12:00:00+05:00, 2026-02-11, 2026-02-11T19:00:00Z
        # complaint filed 25 Jan 2021 + 15 сутки → 9 Feb 2021 (Tue), UTC+6
        kz.upk.106.prosecutor-silence,          2021-01-25T09:00:00+06:00, 2021-02-09, 2021-02-09T18:00:00Z
        # 25 Dec 2026 + 10 сутки → 4 Jan 2027 (Mon): 1–2 Jan holidays are counted
        kz.upk.106.judge-decision,              2026-12-25T10:00:00+05:00, 2027-01-04, 2027-01-04T19:00:00Z
        # 30 Dec 2025 + 3 сутки → 2 Jan 2026 (Fri, New Year): the appeal term does NOT move past the holidays
        kz.upk.107.appeal,                      2025-12-30T16:00:00+05:00, 2026-01-02, 2026-01-02T19:00:00Z
        # 29 Feb 2024 (UTC+6) + 10 сутки → 10 Mar 2024 (Sun); by then UTC+5, so 24:00 = 19:00Z
        kz.upk.107.appeal-review,               2024-02-29T10:00:00+06:00, 2024-03-10, 2024-03-10T19:00:00Z
        # --- УПК hours: end = trigger + n h exactly ---
        # 1 May 2026 22:30 +05 + 24 h → 2 May 22:30 +05 = 17:30Z
        kz.upk.181.registration,                2026-05-01T22:30:00+05:00, 2026-05-02, 2026-05-02T17:30:00Z
        # 29 Feb 2024 20:00 +06 (14:00Z) + 48 h → 2 Mar 14:00Z = 19:00 local (+05)
        kz.upk.128.detention,                   2024-02-29T20:00:00+06:00, 2024-03-02, 2024-03-02T14:00:00Z
        # 1 Jan 2026 01:00 +05 + 72 h → 4 Jan 01:00 +05 = 3 Jan 20:00Z: local date 4 Jan ≠ UTC date
        kz.upk.128.detention-exceptional,       2026-01-01T01:00:00+05:00, 2026-01-04, 2026-01-03T20:00:00Z
        # 31 Dec 2023 23:00 +06 + 24 h → 1 Jan 2024 23:00 +06 = 17:00Z
        kz.upk.128.detention-minor,             2023-12-31T23:00:00+06:00, 2024-01-01, 2024-01-01T17:00:00Z
        # 1 May 2026 22:30 +05 + 3 h → 2 May 01:30 local = 1 May 20:30Z
        kz.upk.128.detention-record,            2026-05-01T22:30:00+05:00, 2026-05-02, 2026-05-01T20:30:00Z
        # --- АППК working days, counted from the next day ---
        # from 1 May 2026: 2–3 weekend; 4,5,6 (1–3); 7 holiday; 8 (4); 9–10 weekend; 11 Mon = Victory Day moved off;
        # 12–15 (5–8); 18–22 (9–13); 25 (14); 26 May (Tue) = 15th
        kz.appk.76.answer,                      2026-05-01T10:00:00+05:00, 2026-05-26, 2026-05-26T19:00:00Z
        # from 20 Mar 2026 (Fri): 21–22 weekend, 23 Nauryz, 24–25 moved days off (21, 22 Mar fell on the weekend);
        # 26 (1), 27 (2), 28–29 weekend, 30 Mar (Mon) = 3rd
        kz.appk.76.extension-notice,            2026-03-20T12:00:00+05:00, 2026-03-30, 2026-03-30T19:00:00Z
        # from 2 May 2024 (Thu): 3 Fri (1), 4 Sat = decreed working Saturday (2), 5 Sun, 6 May (Mon) = 3rd
        kz.appk.65.redirect,                    2024-05-02T12:00:00+05:00, 2024-05-06, 2024-05-06T19:00:00Z
        # from 31 Dec 2025: 1–2 Jan New Year, 3–4 weekend, 5 (1), 6 (2), 7 Orthodox Christmas, 8 Jan (Thu) = 3rd
        kz.appk.91.forward-complaint,           2025-12-31T12:00:00+05:00, 2026-01-08, 2026-01-08T19:00:00Z
        # from 28 Feb 2022 (UTC+6): 1–4 Mar (1–4), 5 Sat working (5), 6 Sun, 7 transfer off, 8 holiday, 9–11 (6–8),
        # 14–18 (9–13), 21–23 Nauryz, 24–25 (14–15), 28–31 (16–19), 1 Apr 2022 (Fri) = 20th
        kz.appk.100.complaint-decision,         2022-02-28T10:00:00+06:00, 2022-04-01, 2022-04-01T18:00:00Z
        # --- month rules moved to the next working day ---
        # 30 Nov 2025 + 3 months → no 30 Feb → 28 Feb 2026 (Sat) → 1 Mar Sun → 2 Mar (Mon)
        kz.appk.92.pretrial-complaint,          2025-11-30T12:00:00+05:00, 2026-03-02, 2026-03-02T19:00:00Z
        # 31 Jan 2024 + 1 month → 29 Feb 2024 (leap, Thu, working); that day lasted 25 h (clocks back at 00:00 1 Mar),
        # so its 24:00 is 00:00 +05 on 1 Mar = 19:00Z
        kz.appk.136.court-claim,                2024-01-31T10:00:00+06:00, 2024-02-29, 2024-02-29T19:00:00Z
        # 9 Jan 2026 + 2 months → 9 Mar (Mon) = day off moved from 8 Mar (Sun) → 10 Mar (Tue)
        kz.appk.76.extended-answer,             2026-01-09T12:00:00+05:00, 2026-03-10, 2026-03-10T19:00:00Z
        # 21 Feb 2026 + 1 month → 21 Mar (Sat, Nauryz), 22 Sun, 23 Nauryz, 24–25 moved days off → 26 Mar (Thu)
        kz.appk.136.action-claim,               2026-02-21T12:00:00+05:00, 2026-03-26, 2026-03-26T19:00:00Z
        # 1 Jul 2021 + 60 months → 1 Jul 2026 (Wed, working)
        kz.appk.136.recognition-claim,          2021-07-01T10:00:00+06:00, 2026-07-01, 2026-07-01T19:00:00Z
        # 16 Dec 2024 + 36 months → 16 Dec 2027 (Thu, Independence Day) → 17 Dec (Fri; 17 Dec no holiday since 2022)
        kz.gk.state-liability-claim,            2024-12-16T10:00:00+05:00, 2027-12-17, 2027-12-17T19:00:00Z
        # --- UN calendar periods, never moved ---
        # 31 Aug 2025 + 6 months → no 31 Feb → 28 Feb 2026 (Sat), not moved
        un.cat.22.state-reply,                  2025-08-31T12:00:00+05:00, 2026-02-28, 2026-02-28T19:00:00Z
        # 15 Sep 2023 + 6 months → 15 Mar 2024 (Fri); by then UTC+5
        un.hrc.op.state-reply,                  2023-09-15T10:00:00+06:00, 2024-03-15, 2024-03-15T19:00:00Z
        # 29 Feb 2020 + 5 years → no 29 Feb 2025 → 28 Feb 2025 (Fri)
        un.hrc.submission-limit,                2020-02-29T10:00:00+06:00, 2025-02-28, 2025-02-28T19:00:00Z
        # 29 Feb 2024 + 3 years → 28 Feb 2027 (Sun), not moved
        un.hrc.submission-limit-other-procedure, 2024-02-29T12:00:00+05:00, 2027-02-28, 2027-02-28T19:00:00Z
        # 1 May 2026 + 3 years → 1 May 2029: needs no working-day calendar, so beyond 2027 is fine
        un.cat.delay-warning,                   2026-05-01T22:30:00+05:00, 2029-05-01, 2029-05-01T19:00:00Z
        # 1 Jan 2026 + 90 days: 31 Jan (+30), 28 Feb (+58), 31 Mar (+89) → 1 Apr 2026
        un.cat.follow-up,                       2026-01-01T10:00:00+05:00, 2026-04-01, 2026-04-01T19:00:00Z
        # 31 Dec 2025 20:00Z = 1 Jan 2026 01:00 local → day 0 is 1 Jan; +180 → 30 Jun 2026 (Tue)
        un.hrc.follow-up,                       2025-12-31T20:00:00Z,      2026-06-30, 2026-06-30T19:00:00Z
        """)
    void catalogRuleEndsOnTheDateWorkedOutByHand(String rule, String trigger, LocalDate lastDay, Instant dueAt) {
        TESTED.add(rule);
        ComputedDeadline d = Fixtures.CALCULATOR.compute(rule, OffsetDateTime.parse(trigger).toInstant());

        assertThat(d.lastDay()).as("lastDay").isEqualTo(lastDay);
        assertThat(d.dueAt()).as("dueAt").isEqualTo(dueAt);
        assertThat(d.ruleId()).isEqualTo(rule);
        assertThat(d.explanation(Messages.EN)).isNotEmpty();
    }

    @AfterAll
    static void everyCatalogRuleHasAHandWorkedCase() {
        Set<String> ids = Fixtures.CATALOG.all().stream().map(DeadlineRule::id).collect(Collectors.toSet());
        assertThat(TESTED).as("rule ids with a hand-worked case").containsAll(ids);
    }
}
