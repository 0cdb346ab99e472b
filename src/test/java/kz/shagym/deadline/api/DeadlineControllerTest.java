package kz.shagym.deadline.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import kz.shagym.clock.ShagymClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

// The slice tests the controller alone; audit and login throttling (they need the ledger) belong to the full app tests.
@WebMvcTest(controllers = DeadlineController.class, excludeFilters = @org.springframework.context.annotation.ComponentScan.Filter(
        type = org.springframework.context.annotation.FilterType.REGEX, pattern = "kz\\.shagym\\.security\\..*"))
@AutoConfigureMockMvc(addFilters = false)
@Import({DeadlineConfiguration.class, DeadlineProblemAdvice.class, ShagymClock.class})
class DeadlineControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ShagymClock clock;

    @AfterEach
    void clockBackToNow() {
        clock.advance(clock.offset().negated());
    }

    private ResultActions postCompute(String json, String acceptLanguage) throws Exception {
        var request = post("/api/deadlines/compute").contentType(MediaType.APPLICATION_JSON).content(json);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return mvc.perform(request);
    }

    @Test
    void computesTheContractExample() throws Exception {
        postCompute("""
                {"rule": "kz.upk.106.file-complaint", "trigger": "2026-05-01T15:00:00+05:00"}""", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rule").value("kz.upk.106.file-complaint"))
                .andExpect(jsonPath("$.regime").value("UPK_SUTKI"))
                .andExpect(jsonPath("$.period").value("P15D"))
                .andExpect(jsonPath("$.trigger").value("2026-05-01T10:00:00Z"))
                .andExpect(jsonPath("$.lastDay").value("2026-05-16"))
                .andExpect(jsonPath("$.dueAt").value("2026-05-16T19:00:00Z"))
                .andExpect(jsonPath("$.zone").value("Asia/Almaty"))
                .andExpect(jsonPath("$.legalBasis").value("УПК РК ст. 106"))
                .andExpect(jsonPath("$.confidence").value("V2"))
                .andExpect(jsonPath("$.owedBy").value("APPLICANT"))
                .andExpect(jsonPath("$.verified").value(true))
                .andExpect(jsonPath("$.warning").doesNotExist())
                .andExpect(jsonPath("$.explanation", hasItem(containsString("не переносится"))));
    }

    @Test
    void computesAnAdHocPeriodWithCalendarAdjustments() throws Exception {
        // 1 May 2026 (Fri): 2–3 weekend, 4 May made non-working for this computation → 1st working day is 5 May
        postCompute("""
                {"regime": "WORKING_DAYS", "period": "P1D", "trigger": "2026-05-01T15:00:00+05:00",
                 "extraNonWorkingDays": ["2026-05-04"], "extraWorkingDays": []}""", "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rule").doesNotExist())
                .andExpect(jsonPath("$.lastDay").value("2026-05-05"))
                .andExpect(jsonPath("$.verified").value(false))
                .andExpect(jsonPath("$.explanation", hasItem(containsString("non-working day given for this computation"))));
    }

    @Test
    void unverifiedRuleCarriesALocalizedWarning() throws Exception {
        postCompute("""
                {"rule": "kz.upk.107.appeal", "trigger": "2025-12-30T16:00:00+05:00"}""", "kk-KZ,kk;q=0.9")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.confidence").value("M"))
                .andExpect(jsonPath("$.verified").value(false))
                .andExpect(jsonPath("$.warning").value("тексерілмеген — бапты тексеріңіз"))
                .andExpect(jsonPath("$.explanation", hasItem(containsString("тексерілмеген"))));
    }

    @Test
    void langParameterWinsOverAcceptLanguage() throws Exception {
        mvc.perform(post("/api/deadlines/compute?lang=en").header("Accept-Language", "ru")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rule\": \"kz.upk.107.appeal\", \"trigger\": \"2025-12-30T16:00:00+05:00\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warning").value("unverified — check the article"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown rule              | {"rule": "kz.nope", "trigger": "2026-05-01T15:00:00+05:00"}                                   | 400 | rule                   | unknown rule
        malformed period          | {"regime": "UPK_SUTKI", "period": "P1X", "trigger": "2026-05-01T15:00:00+05:00"}             | 400 | period                 | P1X
        period of another regime  | {"regime": "UPK_HOURS", "period": "P1D", "trigger": "2026-05-01T15:00:00+05:00"}             | 400 | period                 | PTnH
        unknown regime            | {"regime": "LUNAR_DAYS", "period": "P1D", "trigger": "2026-05-01T15:00:00+05:00"}            | 400 | regime                 | LUNAR_DAYS
        trigger without offset    | {"rule": "kz.upk.106.file-complaint", "trigger": "2026-05-01T15:00:00"}                        | 400 | trigger                | no UTC offset
        trigger not a date        | {"rule": "kz.upk.106.file-complaint", "trigger": "yesterday"}                                   | 400 | trigger                | not an ISO date-time
        missing trigger           | {"rule": "kz.upk.106.file-complaint"}                                                           | 400 | trigger                | missing
        neither rule nor regime   | {"trigger": "2026-05-01T15:00:00+05:00"}                                                        | 400 | rule                   | either
        malformed extra date      | {"regime": "WORKING_DAYS", "period": "P1D", "trigger": "2026-05-01T15:00:00+05:00", "extraNonWorkingDays": ["2026-13-45"]} | 400 | extraNonWorkingDays[0] | 2026-13-45
        malformed JSON            | {"rule": "kz.upk.106.file-complaint", "trigger":                                                | 400 | body                   | not valid JSON
        rule not yet in force     | {"rule": "kz.appk.76.answer", "trigger": "2020-05-01T15:00:00+06:00"}                         | 400 | rule                   | not in force
        calendar year not loaded  | {"regime": "WORKING_DAYS", "period": "P5D", "trigger": "2027-12-28T10:00:00+05:00"}          | 422 | trigger                | 2028
        """)
    void badInputIsAProblemNamingTheField(String caseName, String json, int status, String field, String detail) throws Exception {
        postCompute(json, null)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail", containsString(detail)))
                .andExpect(jsonPath("$.status").value(status));
    }

    @Test
    void listsTheRulesInForceAtADate() throws Exception {
        mvc.perform(get("/api/deadlines/rules").param("at", "2026-01-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(greaterThan(25))))
                .andExpect(jsonPath("$[?(@.id == 'un.hrc.submission-limit')].reminderOffsets[0]").value("P1Y"))
                .andExpect(jsonPath("$[?(@.id == 'kz.upk.106.file-complaint')].basis").value("УПК РК ст. 106"))
                .andExpect(jsonPath("$[?(@.id == 'kz.upk.181.registration')].verified").value(false));
    }

    @Test
    void rulesBeforeTheAppkCameIntoForceExcludeIt() throws Exception {
        mvc.perform(get("/api/deadlines/rules").param("at", "2021-06-30"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'kz.appk.76.answer')]").isEmpty());
    }

    @Test
    void rulesWithoutADateAreThoseInForceOnTheApplicationsDayNotTheHosts() throws Exception {
        clock.advance(Duration.between(clock.instant(), OffsetDateTime.parse("2021-06-30T12:00:00+05:00").toInstant()));
        mvc.perform(get("/api/deadlines/rules"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'kz.appk.76.answer')]").isEmpty())
                .andExpect(jsonPath("$[?(@.id == 'kz.upk.106.file-complaint')]").isNotEmpty());
        clockBackToNow();
        mvc.perform(get("/api/deadlines/rules"))
                .andExpect(jsonPath("$[?(@.id == 'kz.appk.76.answer')]").isNotEmpty());
    }

    @Test
    void malformedAtDateIsAProblemNamingTheField() throws Exception {
        mvc.perform(get("/api/deadlines/rules").param("at", "01.01.2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("at"));
    }
}
