package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kz.shagym.LadderHarness;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Need-to-know: a lawyer sees and changes only their own cases; a coordinator sees all but not the victim's identity. */
class CaseAccessTest extends ShagymIntegrationTest {

    private String registerAs(TestRestTemplate as) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var response = as.postForEntity("/api/complaints",
                new HttpEntity<>(LadderHarness.complaintJson("POLICE", ladder.ago(Duration.ofHours(3))), headers), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return ladder.read(response.getBody()).get("id").asText();
    }

    @Test
    void aLawyerCannotOpenOrChangeAnotherLawyersCase() {
        TestRestTemplate alice = restTemplate.withBasicAuth(TestUsers.create(ladder, "LAWYER"), TestUsers.PASSWORD);
        TestRestTemplate bob = restTemplate.withBasicAuth(TestUsers.create(ladder, "LAWYER"), TestUsers.PASSWORD);
        String alicesCase = registerAs(alice);

        assertThat(alice.getForEntity("/api/complaints/" + alicesCase, String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(alice.getForEntity("/api/complaints/" + alicesCase, String.class).getBody()).contains("Иванов Иван Иванович");
        var denied = bob.getForEntity("/api/complaints/" + alicesCase, String.class);
        assertThat(denied.getStatusCode().value()).isEqualTo(403);
        assertThat(denied.getBody()).doesNotContain("Иванов");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(bob.postForEntity("/api/complaints/" + alicesCase + "/events", new HttpEntity<>(
                "{\"type\": \"REGISTERED\", \"occurredAt\": \"%s\"}".formatted(ladder.ago(Duration.ofHours(1))), headers), String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(bob.getForEntity("/api/complaints/" + alicesCase + "/letters", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(bob.getForEntity("/api/complaints", String.class).getBody()).doesNotContain(alicesCase);
    }

    @Test
    void aCoordinatorSeesTheStageButNotTheVictimsIdentity() {
        TestRestTemplate lawyer = restTemplate.withBasicAuth(TestUsers.create(ladder, "LAWYER"), TestUsers.PASSWORD);
        TestRestTemplate coordinator = restTemplate.withBasicAuth(TestUsers.create(ladder, "COORDINATOR"), TestUsers.PASSWORD);
        String id = registerAs(lawyer);
        var view = coordinator.getForEntity("/api/complaints/" + id, String.class);
        assertThat(view.getStatusCode().value()).isEqualTo(200);
        assertThat(view.getBody()).contains("FILED_WITH_AUTHORITY").doesNotContain("Иванов");
        assertThat(coordinator.getForEntity("/api/complaints", String.class).getBody()).contains(id);
    }
}
