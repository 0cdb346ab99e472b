package kz.shagym.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Statistics for coordinators: cases per stage and region, days per rung, authority silence, outcomes. No victim data. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final StageReport report;

    ReportController(StageReport report) {
        this.report = report;
    }

    @GetMapping("/stages.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    void stages(@org.springframework.web.bind.annotation.RequestParam(required = false) String lang,
                HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("shagym-stages.xlsx").build().toString());
        // regions by their names in the language asked for (the board's link passes the page's); English by default
        report.write(response.getOutputStream(), lang != null && java.util.List.of("ru", "kk", "en").contains(lang) ? lang : "en");
    }
}
