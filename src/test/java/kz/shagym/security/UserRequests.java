package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import kz.shagym.LadderHarness;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** API calls made as a test user: with the password (HTTP Basic) or with a personal API token (Bearer). */
public final class UserRequests {

    private final TestRestTemplate rest;
    private final LadderHarness ladder;

    public UserRequests(TestRestTemplate rest, LadderHarness ladder) {
        this.rest = rest;
        this.ladder = ladder;
    }

    public ResponseEntity<String> get(String user, String path) {
        return asUser(user).getForEntity(path, String.class);
    }

    public ResponseEntity<String> postJson(String user, String path, String json) {
        return asUser(user).postForEntity(path, new HttpEntity<>(json, LadderHarness.jsonHeaders()), String.class);
    }

    public ResponseEntity<String> bearer(String token, HttpMethod method, String path, String json) {
        HttpHeaders headers = LadderHarness.jsonHeaders();
        headers.setBearerAuth(token);
        return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    /** A personal API token made with the password; its JSON, with the secret in {@code token} shown this once. */
    public JsonNode createToken(String user, String tokenJson) {
        ResponseEntity<String> created = postJson(user, "/api/me/tokens", tokenJson);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return ladder.read(created.getBody());
    }

    private TestRestTemplate asUser(String user) {
        return rest.withBasicAuth(user, TestUsers.PASSWORD);
    }
}
