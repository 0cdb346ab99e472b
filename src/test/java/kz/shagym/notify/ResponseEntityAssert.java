package kz.shagym.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.ResponseEntity;

final class ResponseEntityAssert {

    private ResponseEntityAssert() {
    }

    static ResponseEntity<String> ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getStatusCode() + " " + response.getBody()).isTrue();
        return response;
    }
}
