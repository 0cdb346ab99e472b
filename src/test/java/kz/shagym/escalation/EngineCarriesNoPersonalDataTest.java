package kz.shagym.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The engine carries ids, outcomes and instants only: no victim's name, birth date, region or medical fact ever reaches
 * it — neither those given at intake nor those replaced later.
 */
class EngineCarriesNoPersonalDataTest extends ShagymIntegrationTest {

    private static final Set<String> ALLOWED = Set.of("complaintId", "ladderRun", "step", "authorityResponse", "judgeRouteOpen",
            "authorityDueAt", "answerExpectedAt", "applicantDueAt", "applicantReminderAt", "hrcLimitAt", "hrcReminderAt",
            "catDelayWarningAt", "interimMeasures", "committee", "prosecutorOutcome", "judgeOutcome", "appealOutcome");

    @Test
    void everyVariableOfEveryProcessIsAnIdAnOutcomeOrAnInstant() {
        String name = "Жертва Уникальная Фамилия-" + UUID.randomUUID().toString().substring(0, 6);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String filedAt = ladder.ago(Duration.ofDays(2));
        String body = """
                {"victim": {"fullName": "%s", "birthDate": "1977-07-07"}, "region": "ULYTAU", "allegation": "TORTURE",
                 "filedWith": "POLICE", "filedAt": "%s", "language": "kk",
                 "medical": {"injuries": "Травма-Маркер: перелом пальцев", "examinationDate": "%s",
                  "examinationPlace": "Больница-Маркер", "forensicExamination": "REFUSED", "doctorFindings": "Заключение-Маркер"}}"""
                .formatted(name, filedAt, filedAt.substring(0, 10));
        var created = ladder.rest().postForEntity("/api/complaints", new HttpEntity<>(body, headers), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        UUID id = UUID.fromString(ladder.read(created.getBody()).get("id").asText());
        ladder.awaitWaitingAt(id, "Gateway_AwaitAuthorityResponse");
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofDays(1)), ladder.ago(Duration.ofHours(3))));
        var replaced = ladder.rest().exchange("/api/complaints/" + id + "/medical-facts", org.springframework.http.HttpMethod.PUT,
                new HttpEntity<>("{\"injuries\": \"Замена-Маркер: ожоги\", \"forensicExamination\": \"DONE\"}", headers), String.class);
        assertThat(replaced.getStatusCode().value()).as(replaced.getBody()).isEqualTo(200);
        ladder.file(id, "COMPLAINT_INVESTIGATIVE_JUDGE", ladder.ago(Duration.ofHours(1)));
        ladder.awaitWaitingAt(id, "Task_AwaitJudgeDecision");
        String[] secrets = {name, "Жертва", "1977-07-07", "ULYTAU", "Иванов", "Травма-Маркер", "Больница-Маркер",
                "Заключение-Маркер", "Замена-Маркер", "перелом", "ожоги", "REFUSED"};

        Set<String> names = new TreeSet<>();
        for (Record<?> record : engine.records()) {
            if (record.getValueType() == ValueType.VARIABLE) {
                VariableRecordValue variable = (VariableRecordValue) record.getValue();
                names.add(variable.getName());
                assertThat(variable.getValue()).doesNotContain(secrets);
            }
            if (record.getValueType() == ValueType.MESSAGE) {
                assertThat(((io.camunda.zeebe.protocol.record.value.MessageRecordValue) record.getValue()).getVariables().toString())
                        .doesNotContain(secrets);
            }
        }
        assertThat(names).isNotEmpty().isSubsetOf(ALLOWED);
    }
}
