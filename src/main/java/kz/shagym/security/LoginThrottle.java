package kz.shagym.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per username and per client address within {@code shagym.login.window}; past the limit, further
 * attempts for that username (or from that address) are refused for {@code shagym.login.backoff} without checking the
 * password, so guessing costs time and a correct guess during the back-off gains nothing. The per-address limit is
 * higher by default because a whole office may share one address. Kept in memory: a restart forgets it, which is
 * acceptable for throttling (the audit trail keeps every failure).
 */
@Component
public class LoginThrottle {

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;
    private final Duration backoff;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    @Autowired
    LoginThrottle(@Value("${shagym.login.max-failures:5}") int maxPerUser,
                  @Value("${shagym.login.max-failures-per-address:20}") int maxPerAddress,
                  @Value("${shagym.login.window:PT15M}") Duration window,
                  @Value("${shagym.login.backoff:PT15M}") Duration backoff) {
        this(maxPerUser, maxPerAddress, window, backoff, Clock.systemUTC());
    }

    LoginThrottle(int maxPerUser, int maxPerAddress, Duration window, Duration backoff, Clock clock) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** How long this attempt must wait, if it is refused. */
    public Optional<Duration> refusal(String username, String address) {
        Instant now = clock.instant();
        return java.util.stream.Stream.of(userKey(username), addressKey(address))
                .map(blockedUntil::get)
                .filter(until -> until != null && until.isAfter(now))
                .max(Instant::compareTo)
                .map(until -> Duration.between(now, until));
    }

    void failed(String username, String address) {
        count(userKey(username), maxPerUser);
        count(addressKey(address), maxPerAddress);
    }

    /** A correct password clears the username's count, not the address's (one valid account must not reset guessing). */
    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    /** For tests that must not leave the shared application throttled. */
    public void reset() {
        failures.clear();
        blockedUntil.clear();
    }

    private void count(String key, int max) {
        Instant now = clock.instant();
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(now);
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
                recent.removeFirst();
            }
            if (recent.size() >= max) {
                blockedUntil.put(key, now.plus(backoff));
                recent.clear();
            }
        }
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
