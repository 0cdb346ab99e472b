package kz.shagym.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Statistics for coordinators: cases per stage and region, days per rung, authority silence, outcomes. No victim data. */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

    private final StageReport report;

    ReportController(StageReport report) {
        this.report = report;
    }

    /** Every case; headers and names in the Accept-Language's first of ru, kk, en (Russian by default). */
    @GetMapping("/stages.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    void stages(@RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                HttpServletResponse response) throws IOException {
        startDownload(response);
        report.write(response.getOutputStream(), StageReport.Selection.ALL, language(acceptLanguage));
    }

    /** The download's headers, for the API and the board page alike. */
    public static void startDownload(HttpServletResponse response) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("shagym-stages.xlsx").build().toString());
    }

    static Locale language(String acceptLanguage) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (List.of("ru", "kk", "en").contains(tag)) {
                        return Locale.forLanguageTag(tag);
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a header that is no language list: the default, as with none
            }
        }
        return Locale.forLanguageTag("ru");
    }
}
