package kz.shagym.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kz.shagym.security.EndpointCorpus.Body;
import kz.shagym.security.EndpointCorpus.Entry;
import kz.shagym.security.EndpointCorpus.Field;
import kz.shagym.security.EndpointCorpus.Id;
import kz.shagym.security.EndpointCorpus.Kind;

/**
 * The hostile requests thrown at one endpoint, derived from its corpus entry: junk and traversal in every path id,
 * broken and oversized bodies, wrong content types, and for every field its wrong types, missing and null values,
 * over-long text, out-of-range dates and unknown enum values. Each names the statuses that count as a clear refusal.
 */
final class HostileInputs {

    /** The size limits the application promises (see kz.shagym.web.RequestSizeLimit). */
    static final int JSON_LIMIT = 1024 * 1024;
    static final int FORM_LIMIT = 1024 * 1024;
    /** The page forms over {@link #FORM_LIMIT} that are answered with the form and its errors (see kz.shagym.web.OversizeForm). */
    static final java.util.regex.Pattern OVERSIZE_FORMS = java.util.regex.Pattern.compile("/cases/new|/cases/[0-9a-fA-F-]{36}/(events|filings)");
    static final int DOCX_LIMIT = 10 * 1024 * 1024;
    /** A page's multipart upload: the DOCX and its form's fields (shagym.http.max-multipart). */
    static final int MULTIPART_LIMIT = 11 * 1024 * 1024;

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static final Set<Integer> BAD_REQUEST = Set.of(400);
    /** Out of the calendar's range: 422 where the deadline API reports "well-formed but not served", else 400. */
    static final Set<Integer> OUT_OF_RANGE = Set.of(400, 422);
    static final Set<Integer> NO_SUCH_THING = Set.of(400, 404);
    static final Set<Integer> TOO_LARGE = Set.of(413);
    /** A body of the wrong type: 415, or 400 where Spring Security's firewall already refuses what it would parse. */
    static final Set<Integer> UNSUPPORTED = Set.of(400, 415);
    static final Set<Integer> FORBIDDEN = Set.of(403);

    /**
     * One hostile request. {@code csrf} adds the session's CSRF token (form field or header); {@code readOnly} marks a
     * safe request whose answer may be a 200 (a search for odd text is still a search) as long as it writes nothing
     * and shows the text inert.
     */
    record Attack(String name, String method, String path, String contentType, byte[] body, boolean chunked, boolean csrf,
                  Map<String, String> headers, Set<Integer> expected, boolean readOnly, Target target) {

        /** The field an attack on one field names: its name is the attack's, up to " = " or " missing". */
        String field() {
            return name.replaceFirst("( = .*| missing)$", "");
        }

        Attack withoutCsrf() {
            return new Attack(name, method, path, contentType, body, chunked, false, headers, expected, readOnly, target);
        }

        Attack on(Target what) {
            return new Attack(name, method, path, contentType, body, chunked, csrf, headers, expected, readOnly, what);
        }
    }

    /** What the attack breaks: a path id, the body as a whole, one field of it, a query parameter, a header. */
    enum Target { PATH, BODY, FIELD, PARAM, HEADER }

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileInputs() {
    }

    static List<Attack> against(Entry entry, CaseFixture fixture) {
        List<Attack> attacks = new ArrayList<>();
        String path = entry.path(fixture);
        attacks.addAll(junkIds(entry, fixture));
        switch (entry.body()) {
            case JSON -> attacks.addAll(json(entry, path, entry.json().apply(fixture), fixture));
            case FORM -> attacks.addAll(form(entry, path, entry.form().apply(fixture), fixture));
            case DOCX -> attacks.addAll(docx(entry, path, fixture.docx()));
            case MULTIPART -> attacks.addAll(multipart(entry, path, entry.form().apply(fixture), fixture));
            case NONE -> attacks.add(attack("body of " + (JSON_LIMIT + 1) + " bytes where none is taken", entry.method(), path,
                    "application/json", huge(JSON_LIMIT + 1), TOO_LARGE));
        }
        attacks.addAll(queryParams(entry, path, fixture));
        if (entry.safe() && !entry.slow()) {
            attacks.add(readOnly(attack("junk Accept-Language", "GET", path, null, null, Set.of()),
                    Map.of("Accept-Language", ";;;q=x,,*-*-*")));
        }
        return attacks;
    }

    /** The request the entry would accept on the fixture: the one an unauthorised caller is refused. */
    static Attack ordinary(Entry entry, CaseFixture fixture) {
        return withBody(entry, fixture, attack("ordinary request", entry.method(), entry.path(fixture), null, null, Set.of()))
                .on(Target.BODY);
    }

    // ---- ids in the path ------------------------------------------------------------------------------------------

    private static final List<String> JUNK_UUIDS = List.of(
            "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "1%3BDROP%20TABLE%20complaint", "1'%20OR%20'1'%3D'1",
            "99999999999999999999999999999999", "-1", "%00", "a".repeat(2000), "%24%7B7*7%7D", UUID.randomUUID().toString());

    private static final List<String> JUNK_VERSIONS = List.of("99999999999", "-1", "0", "1e3", "..%2F1", "1%3B1", "%00");

    private static final List<String> JUNK_TOKENS = List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc", "'%20OR%201%3D1",
            "a".repeat(2000), "0123456789abcdef0123456789abcdef");

    private static List<Attack> junkIds(Entry entry, CaseFixture fixture) {
        List<Attack> attacks = new ArrayList<>();
        for (Map.Entry<String, Id> id : entry.ids().entrySet()) {
            List<String> junk = switch (id.getValue()) {
                case VERSION -> JUNK_VERSIONS;
                case CALENDAR_TOKEN -> JUNK_TOKENS;
                default -> JUNK_UUIDS;
            };
            for (String value : junk) {
                String path = entry.pattern().replace("{" + id.getKey() + "}", value);
                for (Map.Entry<String, Id> other : entry.ids().entrySet()) {
                    path = path.replace("{" + other.getKey() + "}", fixture.id(other.getValue()));
                }
                String shown = value.length() > 40 ? value.substring(0, 10) + "…(" + value.length() + ")" : value;
                attacks.add(withBody(entry, fixture, attack("{" + id.getKey() + "} = " + shown, entry.method(), path, null, null,
                        NO_SUCH_THING)));
            }
        }
        return attacks;
    }

    /** A junk id comes with the request's ordinary body, so that only the id is wrong. */
    private static Attack withBody(Entry entry, CaseFixture fixture, Attack attack) {
        return switch (entry.body()) {
            case JSON -> new Attack(attack.name(), attack.method(), attack.path(), "application/json",
                    utf8(entry.json().apply(fixture)), false, true, Map.of(), attack.expected(), false, Target.PATH);
            case FORM -> new Attack(attack.name(), attack.method(), attack.path(), "application/x-www-form-urlencoded",
                    utf8(HostileHttp.form(entry.form().apply(fixture))), false, true, Map.of(), attack.expected(), false, Target.PATH);
            case DOCX -> new Attack(attack.name(), attack.method(), attack.path(), DOCX,
                    fixture.docx(), false, true, Map.of(), attack.expected(), false, Target.PATH);
            case MULTIPART -> new Attack(attack.name(), attack.method(), attack.path(), Multipart.CONTENT_TYPE,
                    Multipart.of(entry.form().apply(fixture), "letter.docx", fixture.docx()), false, true, Map.of(),
                    attack.expected(), false, Target.PATH);
            case NONE -> attack.on(Target.PATH);
        };
    }

    // ---- JSON bodies ----------------------------------------------------------------------------------------------

    private static List<Attack> json(Entry entry, String path, String sample, CaseFixture fixture) {
        String m = entry.method();
        List<Attack> attacks = new ArrayList<>();
        for (String broken : List.of("{\"", "{\"a\": }", "{'single': 'quotes'}", sample.substring(0, sample.length() - 1),
                sample + " {}", sample + " trailing", "[]", "\"text\"", "42", "true", "null", "",
                "{\"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}")) {
            String shown = broken.length() > 30 ? broken.substring(0, 12) + "…" + broken.substring(broken.length() - 12) : broken;
            attacks.add(attack("body " + shown.replace('\n', ' '), m, path, "application/json", utf8(broken), BAD_REQUEST));
        }
        ObjectNode base = object(sample);
        String first = base.fieldNames().next();
        attacks.add(attack("duplicate key " + first, m, path, "application/json",
                utf8("{\"" + first + "\": " + base.get(first) + ", " + sample.strip().substring(1)), BAD_REQUEST));
        ObjectNode extra = base.deepCopy();
        extra.put("colour", "red");
        attacks.add(attack("unknown field", m, path, "application/json", utf8(extra.toString()), BAD_REQUEST));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            attacks.add(attack("content type " + type, m, path, type, utf8(sample), UNSUPPORTED));
        }
        attacks.add(attack("no content type", m, path, null, utf8(sample), UNSUPPORTED));
        byte[] huge = utf8(hugeJson(base, JSON_LIMIT + 1));
        attacks.add(attack("JSON of " + huge.length + " bytes", m, path, "application/json", huge, TOO_LARGE));
        attacks.add(chunked(attack("chunked JSON of " + huge.length + " bytes", m, path, "application/json", huge, TOO_LARGE)));
        for (Field field : entry.fields()) {
            for (Map.Entry<String, Set<Integer>> value : jsonValues(field, fixture).entrySet()) {
                ObjectNode body = base.deepCopy();
                set(body, field.name(), value.getKey());
                attacks.add(attack(field.name() + " = " + abbreviate(value.getKey()), m, path, "application/json",
                        utf8(body.toString()), value.getValue()).on(Target.FIELD));
            }
            if (field.required()) {
                ObjectNode missing = base.deepCopy();
                remove(missing, field.name());
                attacks.add(attack(field.name() + " missing", m, path, "application/json", utf8(missing.toString()), BAD_REQUEST)
                        .on(Target.FIELD));
            }
        }
        return attacks;
    }

    /** JSON literals that are wrong for the field, with the statuses that refuse them. */
    private static Map<String, Set<Integer>> jsonValues(Field field, CaseFixture fixture) {
        Map<String, Set<Integer>> values = new LinkedHashMap<>();
        switch (field.kind()) {
            case TEXT, CODE -> {
                for (String v : List.of("42", "4.2", "true", "{}", "[\"a\"]")) {
                    values.put(v, BAD_REQUEST);
                }
                values.put(quote("text with a NUL \u0000 character"), BAD_REQUEST);
                if (field.kind() == Kind.CODE) {
                    values.put(quote("../../etc/passwd"), BAD_REQUEST);
                    values.put(quote("' OR '1'='1"), BAD_REQUEST);
                }
            }
            case PERIOD -> {
                for (String v : List.of("42", "{}", "\"soon\"", "\"-P1D\"", "\"P1M\"", "\"PT-1H\"", "\"P3660D\"",
                        "\"P99999999999D\"", "\"PT99999999999999999999H\"")) {
                    values.put(v, BAD_REQUEST);
                }
            }
            case INSTANT -> {
                for (String v : List.of("42", "true", "{}", "\"yesterday\"", "\"2026-01-10T10:00:00\"", "\"2026-02-30T10:00:00+05:00\"",
                        "\"2026-01-10T25:00:00+05:00\"", "\"2026-01-10T10:00:00+25:00\"")) {
                    values.put(v, BAD_REQUEST);
                }
                for (String v : List.of("\"0000-01-01T00:00:00+05:00\"", "\"+99999-01-01T00:00:00+05:00\"",
                        "\"-999999999-01-01T00:00:00Z\"", "\"1900-01-01T10:00:00+05:00\"")) {
                    values.put(v, OUT_OF_RANGE);
                }
            }
            case DATE, PAST_DATE -> {
                for (String v : List.of("42", "{}", "\"yesterday\"", "\"2026-02-30\"", "\"2026-13-01\"", "\"01.02.2026\"")) {
                    values.put(v, BAD_REQUEST);
                }
                for (String v : List.of("\"0000-01-01\"", "\"+99999-01-01\"", "\"1800-01-01\"")) {
                    values.put(v, OUT_OF_RANGE);
                }
                if (field.kind() == Kind.PAST_DATE) {
                    values.put(quote(fixture.yearAhead()), BAD_REQUEST);
                }
            }
            case INTEGER -> {
                for (String v : List.of("\"30\"", "1.5", "3e1", "true", "{}", "[30]", "99999999999999999999")) {
                    values.put(v, BAD_REQUEST);
                }
                if (field.max() > 0) {
                    for (String v : List.of("0", "-1", String.valueOf(field.max() + 1))) {
                        values.put(v, BAD_REQUEST);
                    }
                }
            }
            case ENUM -> {
                for (String v : List.of("\"BOGUS\"", "\"torture\"", "\"\"", "1", "{}", "[\"TORTURE\"]")) {
                    values.put(v, BAD_REQUEST);
                }
            }
            case UUID -> {
                for (String v : List.of("\"../../etc/passwd\"", "\"1;DROP TABLE complaint\"", "42", "{}")) {
                    values.put(v, BAD_REQUEST);
                }
                // a well-formed id nobody has: not found, or (a field this event does not read) the event's own refusal
                values.put(quote(UUID.randomUUID().toString()), field.required() ? NO_SUCH_THING : Set.of(400, 404, 409));
            }
            case BOOLEAN -> {
                for (String v : List.of("\"yes\"", "1", "{}")) {
                    values.put(v, BAD_REQUEST);
                }
            }
            case ENUM_LIST -> {
                for (String v : List.of("\"PROSECUTOR\"", "[\"BOGUS\"]", "[1]", "{}", "[null]")) {
                    values.put(v, BAD_REQUEST);
                }
            }
            case DATE_LIST -> {
                for (String v : List.of("\"2026-01-01\"", "[\"not-a-date\"]", "[42]", "{}")) {
                    values.put(v, BAD_REQUEST);
                }
            }
            case OBJECT -> {
                for (String v : List.of("\"Иванов\"", "[]", "42")) {
                    values.put(v, BAD_REQUEST);
                }
            }
            case LOCAL_DATE_TIME, TIME -> throw new IllegalArgumentException(field + " is not a JSON field kind here");
        }
        if (field.max() > 0 && (field.kind() == Kind.TEXT || field.kind() == Kind.CODE)) {
            values.put(quote("x".repeat(field.max() + 1)), BAD_REQUEST);
        }
        if (field.required()) {
            values.put("null", BAD_REQUEST);
        }
        return values;
    }

    // ---- forms ------------------------------------------------------------------------------------------------------

    private static List<Attack> form(Entry entry, String path, Map<String, String> sample, CaseFixture fixture) {
        String m = entry.method();
        List<Attack> attacks = new ArrayList<>();
        String ct = "application/x-www-form-urlencoded";
        attacks.add(attack("no CSRF token", m, path, ct, utf8(HostileHttp.form(sample)), FORBIDDEN).withoutCsrf());
        Map<String, String> huge = new LinkedHashMap<>(sample);
        huge.put("padding", "x".repeat(FORM_LIMIT + 1));
        // the intake and the case page's forms come back with their errors (400) instead of a bare 413 (OversizeForm)
        attacks.add(attack("form of " + (FORM_LIMIT + 1) + "+ bytes", m, path, ct, utf8(HostileHttp.form(huge)),
                OVERSIZE_FORMS.matcher(path).matches() ? BAD_REQUEST : TOO_LARGE));
        for (Field field : entry.fields()) {
            for (String value : formValues(field, fixture)) {
                Map<String, String> body = new LinkedHashMap<>(sample);
                body.put(field.name(), value);
                attacks.add(attack(field.name() + " = " + abbreviate(value), m, path, ct, utf8(HostileHttp.form(body)), BAD_REQUEST)
                        .on(Target.FIELD));
            }
            if (field.required()) {
                Map<String, String> missing = new LinkedHashMap<>(sample);
                missing.remove(field.name());
                attacks.add(attack(field.name() + " missing", m, path, ct, utf8(HostileHttp.form(missing)), BAD_REQUEST)
                        .on(Target.FIELD));
            }
        }
        return attacks;
    }

    private static List<String> formValues(Field field, CaseFixture fixture) {
        List<String> values = new ArrayList<>(switch (field.kind()) {
            case TEXT, CODE -> List.of("text with a NUL \u0000 character");
            case DATE -> List.of("yesterday", "2026-02-30", "0000-01-01", "+99999-01-01", "1800-01-01");
            case PAST_DATE -> List.of("yesterday", "2026-02-30", "0000-01-01", "+99999-01-01", "1800-01-01", fixture.yearAhead());
            case INTEGER -> field.max() > 0 ? List.of("thirty", "1.5", "99999999999999999999", "0", "-1", String.valueOf(field.max() + 1))
                    : List.of("thirty", "1.5", "99999999999999999999");
            case LOCAL_DATE_TIME -> List.of("yesterday", "2026-02-30T10:00", "0000-01-01T10:00", "+99999-01-01T10:00", "1900-01-01T10:00");
            case TIME -> List.of("25:00", "noon");
            case ENUM -> List.of("BOGUS", "torture", "../../etc/passwd");
            case UUID -> List.of("../../etc/passwd", "1;DROP TABLE complaint", UUID.randomUUID().toString());
            case BOOLEAN -> List.of("maybe", "2", "../../etc/passwd");
            default -> throw new IllegalArgumentException(field + " is not a form field kind here");
        });
        if (field.kind() == Kind.CODE) {
            values.add("../../etc/passwd");
        }
        if (field.max() > 0 && field.kind() != Kind.INTEGER) {
            values.add("x".repeat(field.max() + 1));
        }
        if (field.required() && field.kind() != Kind.ENUM) {
            values.add("");
        }
        return values;
    }

    // ---- DOCX uploads -----------------------------------------------------------------------------------------------

    private static List<Attack> docx(Entry entry, String path, byte[] valid) {
        String m = entry.method();
        String ct = DOCX;
        List<Attack> attacks = new ArrayList<>();
        attacks.add(attack("empty DOCX", m, path, ct, new byte[0], BAD_REQUEST));
        attacks.add(attack("text as DOCX", m, path, ct, notADocx(), BAD_REQUEST));
        attacks.add(attack("a ZIP that is no DOCX", m, path, ct, zip("hello.txt", "hello".getBytes(StandardCharsets.UTF_8)), BAD_REQUEST));
        attacks.add(attack("a DOCX-shaped ZIP bomb", m, path, ct, zip("word/document.xml", new byte[20 * 1024 * 1024]), BAD_REQUEST));
        attacks.add(attack("a DOCX as application/json", m, path, "application/json", valid, UNSUPPORTED));
        attacks.add(attack("a DOCX as text/plain", m, path, "text/plain", valid, UNSUPPORTED));
        attacks.add(attack("a DOCX as multipart/form-data", m, path, "multipart/form-data; boundary=x", valid, UNSUPPORTED));
        attacks.add(attack("DOCX of " + (DOCX_LIMIT + 1) + " bytes", m, path, ct, huge(DOCX_LIMIT + 1), TOO_LARGE));
        attacks.add(chunked(attack("chunked DOCX of " + (DOCX_LIMIT + 1) + " bytes", m, path, ct, huge(DOCX_LIMIT + 1), TOO_LARGE)));
        return attacks;
    }

    // ---- a page's multipart upload -----------------------------------------------------------------------------------

    private static List<Attack> multipart(Entry entry, String path, Map<String, String> fields, CaseFixture fixture) {
        String m = entry.method();
        String ct = Multipart.CONTENT_TYPE;
        List<Attack> attacks = new ArrayList<>();
        attacks.add(attack("no CSRF token", m, path, ct, Multipart.of(fields, "letter.docx", fixture.docx()), FORBIDDEN).withoutCsrf());
        attacks.add(attack("no file", m, path, ct, Multipart.of(fields, null, null), BAD_REQUEST));
        attacks.add(attack("an empty file", m, path, ct, Multipart.of(fields, "letter.docx", new byte[0]), BAD_REQUEST));
        attacks.add(attack("text as the DOCX", m, path, ct, Multipart.of(fields, "letter.docx", notADocx()), BAD_REQUEST));
        attacks.add(attack("a ZIP that is no DOCX", m, path, ct, Multipart.of(fields, "letter.docx",
                zip("hello.txt", "hello".getBytes(StandardCharsets.UTF_8))), BAD_REQUEST));
        attacks.add(attack("a DOCX-shaped ZIP bomb", m, path, ct, Multipart.of(fields, "letter.docx",
                zip("word/document.xml", new byte[20 * 1024 * 1024])), BAD_REQUEST));
        attacks.add(attack("a file of " + (DOCX_LIMIT + 1) + " bytes", m, path, ct,
                Multipart.of(fields, "letter.docx", huge(DOCX_LIMIT + 1)), TOO_LARGE));
        attacks.add(attack("a multipart body of " + (MULTIPART_LIMIT + 1) + "+ bytes", m, path, ct,
                Multipart.of(fields, "letter.docx", huge(MULTIPART_LIMIT + 1)), TOO_LARGE));
        attacks.add(attack("the form as application/x-www-form-urlencoded", m, path, "application/x-www-form-urlencoded",
                utf8(HostileHttp.form(fields)), Set.of(400, 403, 415)));
        for (Field field : entry.fields()) {
            for (String value : formValues(field, fixture)) {
                Map<String, String> body = new LinkedHashMap<>(fields);
                body.put(field.name(), value);
                attacks.add(attack(field.name() + " = " + abbreviate(value), m, path, ct,
                        Multipart.of(body, "letter.docx", fixture.docx()), BAD_REQUEST).on(Target.FIELD));
            }
        }
        return attacks;
    }

    /** A multipart/form-data body as a browser sends a file form: the fields, then the file in the part "file". */
    static final class Multipart {
        static final String BOUNDARY = "----shagymCorpusBoundary7MA4YWxkTrZu0gW";
        static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

        private Multipart() {
        }

        static byte[] of(Map<String, String> fields, String filename, byte[] file) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                out.writeBytes(utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n"));
            }
            if (file != null) {
                out.writeBytes(utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + DOCX + "\r\n\r\n"));
                out.writeBytes(file);
                out.writeBytes(utf8("\r\n"));
            }
            out.writeBytes(utf8("--" + BOUNDARY + "--\r\n"));
            return out.toByteArray();
        }
    }

    // ---- query parameters -------------------------------------------------------------------------------------------

    private static List<Attack> queryParams(Entry entry, String path, CaseFixture fixture) {
        List<Attack> attacks = new ArrayList<>();
        // an upload's parameters come with a DOCX that would be accepted, so that only the parameter is wrong
        String ct = entry.body() == Body.DOCX ? DOCX : null;
        byte[] body = entry.body() == Body.DOCX ? fixture.docx() : null;
        for (Field param : entry.params()) {
            List<String> values = switch (param.kind()) {
                case INTEGER -> List.of("abc", "99999999999999999999", "1.5");
                case BOOLEAN -> List.of("maybe", "2");
                case DATE -> List.of("yesterday", "2026-02-30", "0000-01-01", "%2B99999-01-01");
                case ENUM -> List.of("BOGUS", "..%2F..%2Fetc");
                case TEXT -> List.of();
                default -> throw new IllegalArgumentException(param + " is not a query parameter kind here");
            };
            for (String value : values) {
                attacks.add(attack("?" + param.name() + "=" + value, entry.method(), path + "?" + param.name() + "=" + value,
                        ct, body, BAD_REQUEST).on(Target.PARAM));
            }
            if (param.max() > 0) {
                attacks.add(attack("?" + param.name() + " of " + (param.max() + 1) + " characters", entry.method(),
                        path + "?" + param.name() + "=" + "x".repeat(param.max() + 1), ct, body, BAD_REQUEST).on(Target.PARAM));
            }
            if (param.kind() == Kind.TEXT && entry.safe()) {
                attacks.add(readOnly(attack("?" + param.name() + " with markup", entry.method(), path + "?" + param.name() + "="
                        + java.net.URLEncoder.encode(MARKUP, StandardCharsets.UTF_8), null, null, Set.of()), Map.of()));
            }
        }
        return attacks;
    }

    /** Script, HTML and the template syntaxes of Thymeleaf, Spring EL and poi-tl, with a product nobody types. */
    static final String MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)> ${823*1117} {{823*1117}} "
            + "[[${823*1117}]] #{823*1117} *{823*1117} __${823*1117}__ {{=823*1117}}";
    /** The same for fields of at most 40 characters (a filing channel). */
    static final String SHORT_MARKUP = "<i>{{823*1117}}${823*1117}</i>";
    /** The same for fields of at most 100 (a region), led by a spreadsheet formula. */
    static final String REGION_MARKUP = "=1+2<b>{{823*1117}}${823*1117}#{823*1117}</b>";
    /** What any of the expressions in {@link #MARKUP} would render if something evaluated it. */
    static final String EVALUATED = "919291";

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static Attack attack(String name, String method, String path, String contentType, byte[] body, Set<Integer> expected) {
        return new Attack(name, method, path, contentType, body, false, true, Map.of(), expected, false, Target.BODY);
    }

    /** A read that may answer 200, as long as it writes nothing and shows odd text inert. */
    private static Attack readOnly(Attack a, Map<String, String> headers) {
        return new Attack(a.name(), a.method(), a.path(), a.contentType(), a.body(), a.chunked(), a.csrf(), headers, Set.of(), true,
                headers.isEmpty() ? Target.PARAM : Target.HEADER);
    }

    private static Attack chunked(Attack a) {
        return new Attack(a.name(), a.method(), a.path(), a.contentType(), a.body(), true, a.csrf(), a.headers(), a.expected(),
                a.readOnly(), a.target());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] notADocx() {
        return utf8("this is not a word document");
    }

    static byte[] huge(int bytes) {
        byte[] body = new byte[bytes];
        java.util.Arrays.fill(body, (byte) 'x');
        return body;
    }

    private static String hugeJson(ObjectNode base, int atLeast) {
        ObjectNode body = base.deepCopy();
        body.put("padding", "x".repeat(atLeast));
        return body.toString();
    }

    static byte[] zip(String name, byte[] content) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(ObjectNode body, String dotted, String literal) {
        String[] parts = dotted.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        try {
            JsonNode value = JSON.readTree(literal);
            parent.set(parts[parts.length - 1], value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void remove(ObjectNode body, String dotted) {
        String[] parts = dotted.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.remove(parts[parts.length - 1]);
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String s) {
        String oneLine = s.replace("\u0000", "\\0");
        return oneLine.length() > 40 ? oneLine.substring(0, 20) + "…(" + oneLine.length() + ")" : oneLine;
    }
}
