package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import kz.shagym.ShagymIntegrationTest;
import kz.shagym.clock.ShagymClock;
import kz.shagym.complaint.BenchLedger;
import kz.shagym.complaint.Rung;
import kz.shagym.complaint.Step;
import kz.shagym.report.BoardQueries.CaseRow;
import kz.shagym.report.BoardQueries.OpenRung;
import kz.shagym.security.Role;
import kz.shagym.security.UserAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * The board reads rows the ledger maintains for it; this test holds it to what the board showed when it aggregated
 * every open case from the ledger per request and sorted and paged them in memory (the reference below): same rows in
 * the same order on every page, same counts per rung, totals, filter lists and flags, for every kind of filter and for
 * a lawyer's own board. The cases (more than a page) are written through the ledger in two regions of their own.
 */
class BoardPageTest extends ShagymIntegrationTest {

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private UserAccounts users;
    @Autowired
    private ShagymClock clock;

    private MockMvc mvc;
    private final List<UUID> written = new ArrayList<>();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String north = "Север-" + suffix;
    private final String south = "Юг-" + suffix;
    private final String lawyerA = "board-a-" + suffix;
    private final String lawyerB = "board-b-" + suffix;
    private final String lawyerC = "board-c-" + suffix; // no full name: the board shows the user name

    @BeforeEach
    void casesOnEveryRung() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        users.create(lawyerA, "lawyer-password-1", Role.LAWYER, "Адвокат А", null, "ru");
        users.create(lawyerB, "lawyer-password-1", Role.LAWYER, "Адвокат Б", null, "ru");
        users.create(lawyerC, "lawyer-password-1", Role.LAWYER, null, null, "ru");
        BenchLedger ledgerWrites = new BenchLedger(ledger);
        Random random = new Random(8);
        LocalDate today = LocalDate.now(clock.withZone(Formats.ALMATY));
        Instant now = clock.instant();
        String[] lawyers = {lawyerA, lawyerB, lawyerC};
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (int i = 0; i < 260; i++) {
                Rung rung = Rung.values()[random.nextInt(Rung.values().length)];
                List<BenchLedger.Term> terms = new ArrayList<>();
                for (int d = random.nextInt(4); d > 0; d--) { // none at all: a case with no running clock
                    String status = switch (random.nextInt(6)) {
                        case 0 -> "MISSED";
                        case 1 -> "MET";
                        default -> "OPEN";
                    };
                    terms.add(new BenchLedger.Term(today.plusDays(random.nextInt(21) - 7), // ties on a last day, overdue ones
                            random.nextBoolean() ? "APPLICANT" : "AUTHORITY", status));
                }
                BenchLedger.Written c = ledgerWrites.write(new BenchLedger.Case("BRD-%s-%03d".formatted(suffix, 259 - i),
                        i % 9 == 0 ? south : north, lawyers[random.nextInt(3)], rung, step(rung),
                        rung == Rung.INVESTIGATIVE_JUDGE && random.nextBoolean(), terms, random.nextInt(5) == 0), now);
                written.add(c.complaintId());
                if (random.nextInt(6) == 0) {
                    letter(c.complaintId(), "APPROVED", null, now);
                }
                if (random.nextInt(8) == 0) {
                    letter(c.complaintId(), "APPROVED", now, now); // filed: no longer waiting
                    letter(c.complaintId(), "DRAFT", null, now);
                }
            }
        });
    }

    @AfterEach
    void closeTheCases() {
        BenchLedger ledgerWrites = new BenchLedger(ledger);
        new TransactionTemplate(transactions).executeWithoutResult(s -> written.forEach(id -> ledgerWrites.close(id, clock.instant())));
    }

    @Test
    void everyFilterAndPageShowsWhatTheLedgerAggregatedPerRequestShowed() throws Exception {
        String admin = "admin-of-board";
        for (Map<String, String> params : List.<Map<String, String>>of(
                Map.of("region", north), Map.of("region", north, "page", "2"), Map.of("region", north, "page", "9"),
                Map.of("region", north, "page", "-3"), Map.of("region", south),
                Map.of("region", north, "rung", "INVESTIGATIVE_JUDGE"), Map.of("region", north, "rung", "PROSECUTOR_COMPLAINT"),
                Map.of("region", south, "rung", "UN_FOLLOW_UP"), Map.of("region", north, "lawyer", lawyerB),
                Map.of("region", north, "lawyer", lawyerC, "rung", "APPEAL"), Map.of("lawyer", lawyerA),
                Map.of("region", " " + north + " ", "lawyer", " "), Map.of("region", "Нигде-" + suffix),
                Map.of("region", north, "flag", "OVERDUE"), Map.of("region", north, "flag", "MISSED"),
                Map.of("region", north, "flag", "SILENT"), Map.of("region", north, "flag", "LETTER_NOT_FILED"),
                Map.of("region", north, "flag", "MISSED", "rung", "INVESTIGATIVE_JUDGE"),
                Map.of("region", south, "flag", "OVERDUE", "sort", "DAYS_DESC"), Map.of("region", north, "sort", "DAYS_DESC"),
                Map.of("region", north, "sort", "CASE_NUMBER", "page", "2"), Map.of("region", north, "sort", "DAYS_DESC", "page", "2"),
                Map.of("q", "brd-" + suffix + "-01"), Map.of("q", "BRD-%s-007".formatted(suffix)),
                Map.of("q", "%"), Map.of("q", "_", "region", north), Map.of("lawyer", lawyerB, "q", "BRD-" + suffix),
                Map.of("q", "7"), Map.of("q", "0042", "region", north))) {
            assertThat(board(admin, Role.ADMIN, params)).as("board of %s", params).isEqualTo(reference(admin, Role.ADMIN, params));
        }
        assertThat((List<?>) board(admin, Role.ADMIN, Map.of("region", north)).get("lines")).hasSize(BoardController.PAGE_SIZE);
    }

    @Test
    void aLawyersBoardMatchesTheReferenceAndIgnoresAnotherLawyersFilter() throws Exception {
        for (Map<String, String> params : List.<Map<String, String>>of(Map.of(), Map.of("region", south), Map.of("lawyer", lawyerB),
                Map.of("rung", "INVESTIGATION"), Map.of("flag", "MISSED"), Map.of("flag", "OVERDUE", "sort", "CASE_NUMBER"))) {
            assertThat(board(lawyerA, Role.LAWYER, params)).as("board of %s", params)
                    .isEqualTo(reference(lawyerA, Role.LAWYER, params));
        }
    }

    @Test
    void theWholeBoardMatchesTheReference() {
        // Every open case of the suite: the engine's workers may still be moving other tests' cases, so compare until
        // both readings are of the same moment.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(board("coordinator", Role.COORDINATOR, Map.of())).isEqualTo(reference("coordinator", Role.COORDINATOR, Map.of())));
    }

    // ---- the board as served ------------------------------------------------------------------------------------

    private Map<String, Object> board(String username, Role role, Map<String, String> params) throws Exception {
        MockHttpServletRequestBuilder request = get("/board").with(user(username).roles(role.name()));
        params.forEach(request::param);
        Map<String, Object> model = mvc.perform(request).andReturn().getModelAndView().getModel();
        Map<String, Object> shown = new LinkedHashMap<>();
        for (String key : List.of("lines", "total", "page", "pages", "rungCounts", "regions", "lawyers", "region", "lawyer", "rung", "allCases")) {
            shown.put(key, model.get(key));
        }
        return shown;
    }

    // ---- the reference: the board as computed before its rows were maintained -------------------------------------

    private Map<String, Object> reference(String username, Role role, Map<String, String> params) {
        boolean allCases = role != Role.LAWYER;
        String region = blankToNull(params.get("region"));
        String lawyer = allCases ? blankToNull(params.get("lawyer")) : username;
        Rung rung = params.containsKey("rung") ? Rung.valueOf(params.get("rung")) : null;
        int page = params.containsKey("page") ? Integer.parseInt(params.get("page")) : 1;
        String flag = params.get("flag");
        String sort = params.getOrDefault("sort", "DAYS_ASC");
        String number = blankToNull(params.get("q"));

        List<CaseRow> cases = openCasesFromLedger(region, lawyer);
        LocalDate today = LocalDate.now(clock.withZone(Formats.ALMATY));
        List<BoardController.BoardLine> lines = cases.stream()
                .filter(c -> rung == null || c.onRung(rung))
                .filter(c -> number == null || (number.matches("\\d+")
                        // digits alone: the running number after the last dash, leading zeros aside
                        ? c.caseNumber().replaceFirst("^.*-0*", "").equals(number.replaceFirst("^0+", ""))
                        : c.caseNumber().toUpperCase(java.util.Locale.ROOT).contains(number.toUpperCase(java.util.Locale.ROOT))))
                .map(c -> {
                    Long daysLeft = c.nextLastDay() == null ? null : today.until(c.nextLastDay(), ChronoUnit.DAYS);
                    return new BoardController.BoardLine(c, daysLeft, daysLeft != null && daysLeft < 0 && !c.applicantMissed(),
                            c.applicantMissed(), daysLeft == null, c.approvedLetters() > 0);
                })
                .filter(l -> flag == null || switch (flag) {
                    case "OVERDUE" -> l.daysLeft() != null && l.daysLeft() < 0;
                    case "MISSED" -> l.missed();
                    case "SILENT" -> l.row().authoritySilent();
                    case "LETTER_NOT_FILED" -> l.approvedNotFiled();
                    default -> throw new AssertionError(flag);
                })
                .sorted(switch (sort) {
                    case "DAYS_DESC" -> Comparator.comparing((BoardController.BoardLine l) -> l.daysLeft() == null ? Long.MIN_VALUE : l.daysLeft())
                            .reversed().thenComparing(l -> l.row().caseNumber());
                    case "CASE_NUMBER" -> Comparator.comparing((BoardController.BoardLine l) -> l.row().caseNumber());
                    default -> Comparator.comparing((BoardController.BoardLine l) -> l.daysLeft() == null ? Long.MAX_VALUE : l.daysLeft())
                            .thenComparing(l -> l.row().caseNumber());
                })
                .toList();
        int size = BoardController.PAGE_SIZE;
        int pages = Math.max(1, (lines.size() + size - 1) / size);
        int current = Math.min(Math.max(page, 1), pages);
        Map<Rung, Integer> counts = new EnumMap<>(Rung.class);
        for (Rung r : Rung.values()) {
            counts.put(r, 0);
        }
        cases.forEach(c -> c.rungs().stream().map(OpenRung::rung).distinct().forEach(r -> counts.merge(r, 1, Integer::sum)));

        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("lines", lines.subList((current - 1) * size, Math.min(lines.size(), current * size)));
        shown.put("total", lines.size());
        shown.put("page", current);
        shown.put("pages", pages);
        shown.put("rungCounts", counts);
        shown.put("regions", new TreeSet<>(cases.stream().map(CaseRow::region).toList()));
        shown.put("lawyers", new TreeSet<>(cases.stream().map(CaseRow::lawyer).toList()));
        shown.put("region", region);
        shown.put("lawyer", lawyer);
        shown.put("rung", rung);
        shown.put("allCases", allCases);
        return shown;
    }

    /** Every open case with its deadline and letter aggregates and its open rungs, straight from the ledger tables. */
    private List<CaseRow> openCasesFromLedger(String region, String lawyer) {
        Map<UUID, List<OpenRung>> rungs = new HashMap<>();
        jdbc.sql("""
                select t.complaint_id, t.rung, t.step,
                       exists (select 1 from complaint_event e
                               where e.complaint_id = t.complaint_id and e.type = 'AUTHORITY_SILENT' and e.rung = t.rung) as silent
                from rung_track t join complaint c on c.id = t.complaint_id
                where t.closed_at is null and c.status = 'OPEN'
                order by t.opened_at, t.rung
                """)
                .query(rs -> {
                    rungs.computeIfAbsent(rs.getObject("complaint_id", UUID.class), k -> new ArrayList<>())
                            .add(new OpenRung(Rung.valueOf(rs.getString("rung")), Step.valueOf(rs.getString("step")),
                                    rs.getBoolean("silent")));
                });
        return jdbc.sql("""
                select c.id, c.case_number, c.region, c.lawyer, u.full_name, c.stage,
                       d.next_last_day, coalesce(d.authority_missed, 0) as authority_missed,
                       coalesce(d.applicant_missed, 0) as applicant_missed, coalesce(l.approved, 0) as approved
                from complaint c
                left join app_user u on u.username = c.lawyer
                left join (select d.complaint_id,
                                  min(case when d.status = 'OPEN' or (d.status = 'MISSED' and d.owed_by = 'APPLICANT'
                                          and t.closed_at is null and t.step in ('AWAITING_FILING', 'AWAITING_SUBMISSION'))
                                      then d.last_day end) as next_last_day,
                                  max(case when d.status = 'MISSED' and d.owed_by in ('AUTHORITY', 'STATE') then 1 else 0 end) as authority_missed,
                                  max(case when d.status = 'MISSED' and d.owed_by = 'APPLICANT' and t.closed_at is null
                                          and t.step in ('AWAITING_FILING', 'AWAITING_SUBMISSION') then 1 else 0 end) as applicant_missed
                           from deadline d left join rung_track t on t.id = d.track_id where d.superseded_by is null
                           group by d.complaint_id) d on d.complaint_id = c.id
                left join (select complaint_id, count(*) as approved from letter
                           where status = 'APPROVED' and filed_at is null group by complaint_id) l on l.complaint_id = c.id
                where c.status = 'OPEN'
                  and (cast(:region as varchar) is null or c.region = :region)
                  and (cast(:lawyer as varchar) is null or c.lawyer = :lawyer)
                """)
                .param("region", region)
                .param("lawyer", lawyer)
                .query((rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Date next = rs.getDate("next_last_day");
                    return new CaseRow(id, rs.getString("case_number"), rs.getString("region"), rs.getString("lawyer"),
                            rs.getString("full_name"), rs.getString("stage"), next == null ? null : next.toLocalDate(),
                            rs.getInt("authority_missed") > 0, rs.getInt("applicant_missed") > 0, rs.getInt("approved"),
                            rungs.getOrDefault(id, List.of()));
                })
                .list();
    }

    // ---- data ---------------------------------------------------------------------------------------------------

    private static Step step(Rung rung) {
        return switch (rung) {
            case FILED_WITH_AUTHORITY -> Step.AWAITING_RESPONSE;
            case INTERNAL_SECURITY_CHECK -> Step.AWAITING_NOTICE;
            case PROSECUTOR_COMPLAINT, INVESTIGATIVE_JUDGE -> Step.AWAITING_FILING;
            case DOMESTIC_REMEDIES_EXHAUSTED -> Step.AWAITING_SUBMISSION;
            case UN_COMMUNICATION -> Step.AWAITING_STATE_REPLY;
            case UN_FOLLOW_UP -> Step.AWAITING_FOLLOW_UP;
            default -> Step.AWAITING_DECISION;
        };
    }

    private void letter(UUID complaintId, String status, Instant filedAt, Instant now) {
        jdbc.sql("""
                insert into letter (id, complaint_id, kind, language, status, version, created_at, filed_at, idempotency_key)
                values (:id, :c, 'COMPLAINT_PROSECUTOR', 'ru', :status, 1, :now, :filed, :key)""")
                .param("id", UUID.randomUUID()).param("c", complaintId).param("status", status)
                .param("now", now.atOffset(java.time.ZoneOffset.UTC))
                .param("filed", filedAt == null ? null : filedAt.atOffset(java.time.ZoneOffset.UTC))
                .param("key", "board-test-" + UUID.randomUUID()).update();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
