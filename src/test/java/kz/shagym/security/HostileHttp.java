package kz.shagym.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Raw HTTP to the running application, for hostile callers: the path goes on the wire exactly as given (no client-side
 * encoding or normalisation, so {@code ..%2F} stays {@code ..%2F}), any body, any content type, chunked or not.
 * Signs in with HTTP Basic for the API, or with a form-login session and its CSRF token for the pages.
 */
final class HostileHttp {

    /** Who is calling: HTTP Basic credentials, a page session, or nobody. */
    sealed interface Caller permits Basic, Session, Anonymous {}

    record Basic(String username, String password) implements Caller {}

    record Session(String username, String cookie, String csrf) implements Caller {}

    record Anonymous() implements Caller {}

    record Reply(int status, String contentType, byte[] body, String location) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean problemJson() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + contentType + " " + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    HostileHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    /**
     * One request. {@code chunked} sends the body without a Content-Length (as a stream of unknown length), which is
     * how a client gets past a limit that only reads that header. Form sessions get their CSRF token unless
     * {@code withoutCsrf}.
     */
    Reply send(Caller caller, String method, String rawPath, String contentType, byte[] body, Map<String, String> headers,
               boolean chunked) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + rawPath)).timeout(Duration.ofSeconds(60));
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        request.method(method, publisher);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        switch (caller) {
            case Basic b -> request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((b.username() + ":" + b.password()).getBytes(StandardCharsets.UTF_8)));
            case Session s -> request.header("Cookie", s.cookie());
            case Anonymous a -> { }
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(),
                    response.headers().firstValue("Location").map(HostileHttp::path).orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + rawPath, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends an attack (or an ordinary request) as the caller. A page session's CSRF token goes into the form, or into
     * the X-CSRF-TOKEN header for other bodies, unless the attack leaves it out.
     */
    Reply send(Caller caller, HostileInputs.Attack attack) {
        Map<String, String> headers = new LinkedHashMap<>(attack.headers());
        byte[] body = attack.body();
        if (caller instanceof Session session && attack.csrf() && !attack.method().equals("GET")) {
            if ("application/x-www-form-urlencoded".equals(attack.contentType()) && body != null) {
                byte[] token = ("_csrf=" + URLEncoder.encode(session.csrf(), StandardCharsets.UTF_8) + "&").getBytes(StandardCharsets.UTF_8);
                byte[] both = new byte[token.length + body.length];
                System.arraycopy(token, 0, both, 0, token.length);
                System.arraycopy(body, 0, both, token.length, body.length);
                body = both;
            } else {
                headers.put("X-CSRF-TOKEN", session.csrf());
            }
        }
        return send(caller, attack.method(), attack.path(), attack.contentType(), body, headers, attack.chunked());
    }

    Reply get(Caller caller, String rawPath) {
        return send(caller, "GET", rawPath, null, null, Map.of(), false);
    }

    /** Signs in through the login form, as a browser does, and picks up a CSRF token for the session's forms. */
    Session signIn(String username, String password) {
        Exchange login = exchange(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
        Exchange posted = exchange(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", login.sessionCookie())
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", csrf(login.reply()))))));
        assertThat(posted.reply().status()).as("sign-in of %s: %s", username, posted.reply()).isEqualTo(302);
        assertThat(posted.sessionCookie()).as("a new session id after sign-in").isNotNull().isNotEqualTo(login.sessionCookie());
        Reply page = get(new Session(username, posted.sessionCookie(), null), "/my/deadlines");
        assertThat(page.status()).as("page after sign-in: %s", page).isEqualTo(200);
        return new Session(username, posted.sessionCookie(), csrf(page));
    }

    static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String csrf(Reply page) {
        Matcher m = CSRF.matcher(page.text());
        assertThat(m.find()).as("a CSRF token in %s", page).isTrue();
        return m.group(1);
    }

    private record Exchange(Reply reply, String sessionCookie) {}

    /** A redirect's target without scheme and host. */
    private static String path(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private Exchange exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.split(";", 2)[0]).findFirst().orElse(null);
            return new Exchange(new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response.headers().firstValue("Location").map(HostileHttp::path).orElse(null)), cookie);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
