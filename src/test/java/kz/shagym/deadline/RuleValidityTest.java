package kz.shagym.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule versions with validFrom/validTo, using the test-only catalog in src/test/resources/deadline/versioned-rules. */
class RuleValidityTest {
    private static final RuleCatalog VERSIONED = RuleCatalog.load(Path.of("src/test/resources/deadline/versioned-rules"));
    private static final DeadlineCalculator CALCULATOR = new DeadlineCalculator(VERSIONED, Fixtures.CALENDAR);

    @ParameterizedTest(name = "trigger {0} → {1}")
    @CsvSource(textBlock = """
        # 30 Jun 2026 23:30 local: old version, 15 сутки → 15 Jul
        2026-06-30T23:30:00+05:00, 2026-07-15, TEST ст. 1 (ред. 1)
        # 1 Jul 2026 00:30 local: new version, 10 сутки → 11 Jul
        2026-07-01T00:30:00+05:00, 2026-07-11, TEST ст. 1 (ред. 2)
        # 30 Jun 20:00Z is already 1 Jul 01:00 in Almaty: the local date decides → new version, 11 Jul
        2026-06-30T20:00:00Z,      2026-07-11, TEST ст. 1 (ред. 2)
        """)
    void ruleChangingValidityMidYearUsesTheVersionInForceAtTheTriggerDate(String trigger, LocalDate lastDay, String basis) {
        ComputedDeadline d = CALCULATOR.compute("test.versioned", OffsetDateTime.parse(trigger).toInstant());
        assertThat(d.lastDay()).isEqualTo(lastDay);
        assertThat(d.legalBasis()).isEqualTo(basis);
    }

    @Test
    void currentListsOneVersionPerIdAndAllListsEvery() {
        assertThat(VERSIONED.all()).hasSize(2);
        assertThat(VERSIONED.current(LocalDate.parse("2026-06-30"))).singleElement()
                .extracting(DeadlineRule::period).isEqualTo("P15D");
        assertThat(VERSIONED.current(LocalDate.parse("2026-07-01"))).singleElement()
                .extracting(DeadlineRule::period).isEqualTo("P10D");
    }

    @Test
    void ruleBeforeItsFirstVersionIsNotInForce() {
        assertThatThrownBy(() -> VERSIONED.rule("test.versioned", LocalDate.parse("2014-12-31")))
                .isInstanceOf(UnknownRuleException.class)
                .hasMessageContaining("not in force on 2014-12-31");
    }

    @Test
    void overlappingVersionsAreRefusedAtLoad(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(Path.of("src/test/resources/deadline/versioned-rules/test-only-versioned.yaml"))
                .replace("validFrom: 2026-07-01", "validFrom: 2026-06-01");
        Files.writeString(dir.resolve("overlap.yaml"), yaml);
        assertThatThrownBy(() -> RuleCatalog.load(dir)).hasMessageContaining("versions overlap");
    }

    @Test
    void malformedPeriodInYamlIsRefusedAtLoad(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(Path.of("src/test/resources/deadline/versioned-rules/test-only-versioned.yaml"))
                .replace("period: P10D", "period: P1X");
        Files.writeString(dir.resolve("bad.yaml"), yaml);
        assertThatThrownBy(() -> RuleCatalog.load(dir)).hasMessageContaining("P1X");
    }
}
