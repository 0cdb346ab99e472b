package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import kz.shagym.LadderHarness;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Creates users through the admin API, each with a unique name, for tests that act as a lawyer or coordinator. */
public final class TestUsers {

    public static final String PASSWORD = "test-user-password";

    private TestUsers() {
    }

    public static String create(LadderHarness ladder, String role) {
        String username = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var response = ladder.rest().postForEntity("/api/users", new HttpEntity<>("""
                {"username": "%s", "password": "%s", "role": "%s", "fullName": "Test %s", "email": "%s@example.org", "language": "ru"}"""
                .formatted(username, PASSWORD, role, role, username), headers), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return username;
    }
}
