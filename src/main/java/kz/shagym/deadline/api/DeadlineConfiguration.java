package kz.shagym.deadline.api;

import java.nio.file.Path;
import kz.shagym.deadline.DeadlineCalculator;
import kz.shagym.deadline.RuleCatalog;
import kz.shagym.deadline.TimeZoneCheck;
import kz.shagym.deadline.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the rule catalog and the calendar from {@code shagym.config-dir} (relative to the working directory). */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    @Bean
    RuleCatalog ruleCatalog(@Value("${shagym.config-dir:config}") String configDir) {
        return RuleCatalog.load(Path.of(configDir, "deadline-rules"));
    }

    @Bean
    WorkingDayCalendar workingDayCalendar(@Value("${shagym.config-dir:config}") String configDir) {
        return WorkingDayCalendar.load(Path.of(configDir, "calendars", "kz"));
    }

    @Bean
    DeadlineCalculator deadlineCalculator(RuleCatalog catalog, WorkingDayCalendar calendar) {
        // Fail at start-up, with a clear message, on a JVM whose tz data predates Almaty's 2024 change to UTC+5.
        TimeZoneCheck.verify(DeadlineCalculator.ZONE);
        return new DeadlineCalculator(catalog, calendar);
    }
}
