package kz.shagym.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.security.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The administrator's check of engine against ledger (GET /api/admin/engine/consistency), which the crash and soak tests
 * rely on: it sees a complaint whose engine instance is gone, with the timers it lost, and sees it mended by a re-plan.
 */
class EngineConsistencyTest extends ShagymIntegrationTest {

    @Autowired
    EngineGateway gateway;
    @Autowired
    EngineSupervisor supervisor;
    @Autowired
    EngineMending mending;

    private JsonNode consistencyOf(UUID id) {
        var response = ladder.rest().getForEntity("/api/admin/engine/consistency?complaintId=" + id, String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return ladder.read(response.getBody());
    }

    @Test
    void complaintWhoseInstanceIsGoneShowsItsLostRungAndTimerUntilReplanned() {
        UUID id = ladder.register(ladder.ago(Duration.ofHours(2)));
        JsonNode inStep = consistencyOf(id);
        assertThat(inStep.get("openComplaints").asInt()).isEqualTo(1);
        assertThat(inStep.get("consistent").asInt()).isEqualTo(1);
        assertThat(inStep.get("timersChecked").asInt()).as("the authority's 3 сутки").isEqualTo(1);

        gateway.cancel(ledger.find(id).orElseThrow().processInstanceKey());

        JsonNode drift = consistencyOf(id).get("drifts").get(0);
        assertThat(drift.get("complaintId").asText()).isEqualTo(id.toString());
        assertThat(drift.get("expectedElements").toString()).contains("CallActivity_FiledWithAuthority");
        assertThat(drift.get("engineElements")).isEmpty();
        assertThat(drift.get("lostTimers").toString()).contains("AUTHORITY_RESPONSE@");

        supervisor.replanNow(id);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(consistencyOf(id).get("drifted").asInt()).isZero());
    }

    @Test
    void aComplaintTheEngineLostIsReplannedByTheSweepOnceTwoChecksInARowFindItDiffering() {
        UUID id = ladder.register(ladder.ago(Duration.ofHours(2)));
        ladder.awaitWaitingAt(id, "CallActivity_FiledWithAuthority");
        long mendedBefore = mending.mendedTotal();
        gateway.cancel(ledger.find(id).orElseThrow().processInstanceKey());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(consistencyOf(id).get("drifted").asInt()).isOne());

        // (other test classes share this application: its other complaints may be mended too, so this one is watched)
        mending.mend();
        assertThat(consistencyOf(id).get("drifted").asInt()).as("one sighting may be a change in flight: left alone").isOne();

        mending.mend();
        assertThat(mending.mendedTotal()).as("seen twice: re-planned").isGreaterThan(mendedBefore);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(consistencyOf(id).get("drifted").asInt()).isZero());
        assertThat(ladder.read(ladder.rest().getForEntity("/api/admin/engine", String.class).getBody())
                .get("mendedComplaints").asLong()).isEqualTo(mending.mendedTotal());
    }

    @Test
    void instanceThatNoOpenComplaintPointsToIsCountedAsAnOrphan() {
        UUID id = ladder.register(ladder.ago(Duration.ofHours(2)));
        int before = orphans();

        // A start whose answer never reached the ledger (a timeout): the instance runs, of the current run (stored
        // before the start), and nobody knows its key.
        long stray = gateway.startLadder(id, ledger.currentLadderRun(id).orElseThrow(), List.of("CallActivity_Investigation"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(orphans()).isEqualTo(before + 1));

        gateway.cancel(stray);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(orphans()).isEqualTo(before));
    }

    private int orphans() {
        var response = ladder.rest().getForEntity("/api/admin/engine/consistency", String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return ladder.read(response.getBody()).get("orphanInstances").asInt();
    }

    @Test
    void onlyAdministratorsMayAskTheEngine() {
        String coordinator = TestUsers.create(ladder, "COORDINATOR");
        assertThat(restTemplate.withBasicAuth(coordinator, TestUsers.PASSWORD)
                .getForEntity("/api/admin/engine", String.class).getStatusCode().value()).isEqualTo(403);
        JsonNode status = ladder.read(ladder.rest().getForEntity("/api/admin/engine", String.class).getBody());
        assertThat(status.get("engineGeneration").asInt()).isPositive();
        assertThat(status.get("records").asLong()).isPositive();
        assertThat(status.get("logBytes").asLong()).as("the log's bytes in memory").isGreaterThan(status.get("records").asLong());
    }

    /**
     * The watch counts the engine's records every few minutes: from counters kept as the log is written, which agree
     * with a full read of the log, so that counting never decodes (and keeps) every record.
     */
    @Test
    void theEngineLogsCountersAgreeWithAFullReadOfTheLog() {
        UUID id = ladder.register(ladder.ago(Duration.ofHours(2)));
        ladder.awaitWaitingAt(id, "CallActivity_FiledWithAuthority");
        engine.awaitIdle(Duration.ofSeconds(10));

        // job workers keep polling, and each poll is a record or two: the reads are bracketed by two counts
        long countedBefore = engine.recordCount();
        long[] streamed = new long[1];
        engine.forEachRecord(record -> streamed[0]++);
        long decodedAndKept = 0;
        for (var ignored : engine.records()) {
            decodedAndKept++;
        }
        long counted = engine.recordCount();
        assertThat(countedBefore).isPositive();
        assertThat(streamed[0]).isBetween(countedBefore, counted);
        assertThat(decodedAndKept).isBetween(streamed[0], counted);
        assertThat(counted - countedBefore).as("records written while the log was read").isLessThan(100);
        assertThat(engine.logBytes()).isGreaterThan(counted * 100);
    }
}
