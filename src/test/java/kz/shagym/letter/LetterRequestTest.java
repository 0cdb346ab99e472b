package kz.shagym.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A letter the ledger asks for is recorded with the ledger change, so that a crash between the commit and the drafting
 * (or a drafting that failed) leaves a request that the sweep drafts later — once.
 */
class LetterRequestTest extends ShagymIntegrationTest {

    @Autowired
    LetterService letters;
    @Autowired
    LetterStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void copyRequestIsRecordedWithTheForwardingAndMarkedDraftedOnceItsLetterExists() {
        UUID id = ladder.register(ladder.ago(Duration.ofDays(2)));
        ladder.event(id, """
                {"type": "FORWARDED_TO_INTERNAL_SECURITY", "occurredAt": "%s", "learnedAt": "%s"}"""
                .formatted(ladder.ago(Duration.ofDays(1)), ladder.ago(Duration.ofHours(6))));

        UUID copyRequest = ladder.letter(id, "COPY_REQUEST");
        String key = store.find(copyRequest).orElseThrow().idempotencyKey();
        assertThat(jdbc.sql("select count(*) from letter_request where idempotency_key = :k and drafted_at is not null")
                .param("k", key).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void requestLeftUndraftedByACrashIsDraftedByTheSweepOnce() {
        UUID id = ladder.register(ladder.ago(Duration.ofDays(2)));
        String key = "copy:crash-" + UUID.randomUUID();
        // What a crash right after the ledger's commit leaves behind: the request, no letter.
        jdbc.sql("insert into letter_request (idempotency_key, complaint_id, kind, requested_at) values (:k, :c, 'COPY_REQUEST', :now)")
                .param("k", key).param("c", id).param("now", Instant.now().atOffset(ZoneOffset.UTC)).update();

        letters.draftPendingRequests();
        letters.draftPendingRequests();

        assertThat(store.ofComplaint(id).stream().filter(l -> key.equals(l.idempotencyKey()))).hasSize(1);
        assertThat(jdbc.sql("select drafted_at from letter_request where idempotency_key = :k").param("k", key)
                .query(Instant.class).optional()).isPresent();
    }
}
