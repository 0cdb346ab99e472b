package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import kz.shagym.LadderHarness;
import org.springframework.http.ResponseEntity;

/** A user's second factor set up through the API as the account page does it: enrolled, then confirmed with an app code. */
public final class TotpFactors {

    /** What the user keeps: the authenticator's secret and the recovery codes shown once at confirmation. */
    public record Factor(String secret, List<String> codes) {}

    private final UserRequests requests;
    private final LadderHarness ladder;

    public TotpFactors(UserRequests requests, LadderHarness ladder) {
        this.requests = requests;
        this.ladder = ladder;
    }

    /** The enrolment's JSON: the base32 {@code secret} and the {@code otpauthUri}; the factor is pending until confirmed. */
    public JsonNode enroll(String user) {
        ResponseEntity<String> response = requests.postJson(user, "/api/me/totp/enrollment", "");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return ladder.read(response.getBody());
    }

    public String enrolledSecret(String user) {
        return enroll(user).get("secret").asText();
    }

    /** Confirms with the previous step's code, so the current one is still free for a login. */
    public Factor confirm(String user, String secret) {
        TotpTestCodes.awaitFreshStep();
        ResponseEntity<String> confirmed = requests.postJson(user, "/api/me/totp/confirmation",
                "{\"code\": \"" + TotpTestCodes.stepsFromNow(secret, -1) + "\"}");
        assertThat(confirmed.getStatusCode().value()).as(confirmed.getBody()).isEqualTo(200);
        JsonNode body = ladder.read(confirmed.getBody());
        assertThat(body.get("status").asText()).isEqualTo("ACTIVE");
        List<String> codes = new ArrayList<>();
        body.get("recoveryCodes").forEach(c -> codes.add(c.asText()));
        return new Factor(secret, codes);
    }

    public Factor activate(String user) {
        return confirm(user, enrolledSecret(user));
    }
}
