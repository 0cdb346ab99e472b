package kz.shagym;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The README's first API calls are what a new user types first: each {@code curl} of the quick start is sent, as
 * written there, to the running application, and each must succeed (a README that drifted from the API would fail here).
 */
class ReadmeExamplesTest extends ShagymIntegrationTest {

    /** {@code curl -u admin:… [-H '…'] localhost:8080<path> [\ newline] [-d '<json>']} */
    private static final Pattern CURL = Pattern.compile(
            "curl -u admin:\\S+ (?:-H '[^']*' )?localhost:8080(\\S+)(?:[ \\t]*\\\\?\\s*-d '([^']*)')?");

    private record Call(String path, String body) {}

    @Test
    void theQuickStartsCurlCallsSucceedAsWritten() throws IOException {
        List<Call> calls = quickStartCalls();
        assertThat(calls).extracting(Call::path)
                .containsExactly("/api/complaints", "/api/complaints/$ID/events", "/api/complaints/$ID", "/api/deadlines/compute");

        String id = null;
        List<String> answers = new ArrayList<>();
        for (Call call : calls) {
            String path = id == null ? call.path() : call.path().replace("$ID", id);
            ResponseEntity<String> response = call.body() == null
                    ? ladder.rest().getForEntity(path, String.class)
                    : ladder.rest().exchange(path, HttpMethod.POST, new HttpEntity<>(call.body(), LadderHarness.jsonHeaders()), String.class);
            assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " answered " + response.getBody()).isTrue();
            if (call.path().equals("/api/complaints")) {
                id = ladder.read(response.getBody()).get("id").asText();
            }
            answers.add(response.getBody());
        }
        assertThat(answers.get(2)).as("the complaint view after the event")
                .contains("FORWARDED_TO_INTERNAL_SECURITY", "\"deadlines\"", "explanation");
        assertThat(ladder.read(answers.get(3)).get("rule").asText()).isEqualTo("kz.upk.106.file-complaint");
    }

    @Test
    void theUsersExampleCreatesTheUserItShows() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("curl -u admin:change-me-please -H 'Content-Type: application/json' localhost:8080/api/users -d");
        assertThat(start).as("the README's example of POST /api/users").isPositive();
        Matcher curl = CURL.matcher(readme.substring(start, readme.indexOf("```", start)));
        assertThat(curl.find()).isTrue();
        ResponseEntity<String> created = ladder.rest().exchange(curl.group(1), HttpMethod.POST,
                new HttpEntity<>(curl.group(2), LadderHarness.jsonHeaders()), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(ladder.read(created.getBody()).get("role").asText()).isEqualTo("LAWYER");
        assertThat(ladder.read(created.getBody()).get("mustChangePassword").asBoolean()).isFalse();
    }

    /** The calls of the first shell block that starts the application with a chosen admin password. */
    private static List<Call> quickStartCalls() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("SHAGYM_ADMIN_PASSWORD=change-me-please ./mvnw spring-boot:run");
        assertThat(start).as("the README's quick start block").isPositive();
        String block = readme.substring(start, readme.indexOf("```", start));
        List<Call> calls = new ArrayList<>();
        Matcher curl = CURL.matcher(block);
        while (curl.find()) {
            calls.add(new Call(curl.group(1), curl.group(2)));
        }
        return calls;
    }
}
