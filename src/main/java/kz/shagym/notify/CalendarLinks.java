package kz.shagym.notify;

import kz.shagym.clock.ShagymClock;
import org.springframework.stereotype.Service;

/** Lets the pages hand a user their calendar feed URL: a new secret each time, the old one stops working. */
@Service
public class CalendarLinks {

    private final CalendarTokens tokens;
    private final NotifyProperties properties;
    private final ShagymClock clock;

    CalendarLinks(CalendarTokens tokens, NotifyProperties properties, ShagymClock clock) {
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    public String newFeedUrl(String username) {
        return properties.trimmedUrl() + "/ics/" + tokens.rotate(username, clock.instant()) + ".ics";
    }

    public void revoke(String username) {
        tokens.revoke(username);
    }
}
