package kz.shagym.notify;

import java.util.Map;
import kz.shagym.clock.ShagymClock;
import kz.shagym.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The secret ICS feed (no login: the token is the credential) and the owner's calls to create, rotate or revoke it. */
@RestController
class CalendarController {

    private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final CalendarTokens tokens;
    private final CalendarFeed feed;
    private final NotifyQueries queries;
    private final NotifyProperties properties;
    private final ShagymClock clock;

    CalendarController(CalendarTokens tokens, CalendarFeed feed, NotifyQueries queries, NotifyProperties properties,
                       ShagymClock clock) {
        this.tokens = tokens;
        this.feed = feed;
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    /** Unknown, revoked and disabled-user tokens all answer 404 alike: nothing tells a guesser which it was. */
    @GetMapping("/ics/{token}.ics")
    ResponseEntity<String> calendar(@PathVariable String token) {
        NotifyQueries.Recipient user = tokens.owner(token).flatMap(queries::recipient)
                .orElseThrow(() -> ApiException.notFound("calendar"));
        return ResponseEntity.ok().contentType(CALENDAR).cacheControl(CacheControl.noStore()).body(feed.render(user));
    }

    @PostMapping("/api/me/calendar-token")
    ResponseEntity<Map<String, String>> rotate(Authentication user) {
        String token = tokens.rotate(user.getName(), clock.instant());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("url", properties.trimmedUrl() + "/ics/" + token + ".ics"));
    }

    @DeleteMapping("/api/me/calendar-token")
    ResponseEntity<Void> revoke(Authentication user) {
        tokens.revoke(user.getName());
        return ResponseEntity.noContent().build();
    }
}
