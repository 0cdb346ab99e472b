package kz.shagym.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A page form posted over the body limit (a document pasted into a field), read without holding it: every value is kept
 * up to {@link #MAX_VALUE} characters (more than any field of any form takes), the rest is dropped as it streams past.
 * The form's controller then refuses the long field with its maximum and shows the form again with everything else as
 * typed, instead of a bare 413 that loses the form. The request is marked, so that a form whose bulk was in no field of
 * it is refused too (see {@link PageAdvice}).
 */
final class OversizeForm extends HttpServletRequestWrapper {

    /** The request attribute that marks a form read this way (its value: the body's size in bytes). */
    static final String ATTRIBUTE = OversizeForm.class.getName();
    /** The longest value kept, in characters: every field's own limit (at most 5,000) is far below it. */
    static final int MAX_VALUE = 65_536;
    /** Encoded, a character takes at most 9 bytes (%XX for each of up to 3 UTF-8 bytes... and a 4-byte one is 2 chars). */
    private static final int MAX_ENCODED = MAX_VALUE * 9;

    /** The page forms whose fields hold long text: the intake, the authority's act (its note), a filing. */
    private static final Pattern PATHS = Pattern.compile("/cases/new|/cases/[0-9a-fA-F-]{36}/(events|filings)");

    private final Map<String, String[]> parameters;

    private OversizeForm(HttpServletRequest request, Map<String, String[]> parameters) {
        super(request);
        this.parameters = parameters;
    }

    static boolean applies(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase().startsWith("application/x-www-form-urlencoded")
                && PATHS.matcher(request.getRequestURI()).matches();
    }

    /** Reads the body (at most {@code maxBytes}, which the caller checked against its declared length). */
    static OversizeForm read(HttpServletRequest request, long length) throws IOException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (request.getQueryString() != null) {
            parse(new java.io.ByteArrayInputStream(request.getQueryString().getBytes(StandardCharsets.ISO_8859_1)), values);
        }
        parse(new java.io.BufferedInputStream(request.getInputStream(), 64 * 1024), values);
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
        request.setAttribute(ATTRIBUTE, length);
        return new OversizeForm(request, Collections.unmodifiableMap(parameters));
    }

    private static void parse(InputStream in, Map<String, List<String>> into) throws IOException {
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        boolean inValue = false;
        int b;
        while ((b = in.read()) != -1) {
            if (b == '&') {
                add(name, value, into);
                inValue = false;
            } else if (b == '=' && !inValue) {
                inValue = true;
            } else {
                ByteArrayOutputStream target = inValue ? value : name;
                if (target.size() < MAX_ENCODED) {
                    target.write(b);
                }
            }
        }
        add(name, value, into);
    }

    private static void add(ByteArrayOutputStream name, ByteArrayOutputStream value, Map<String, List<String>> into) {
        if (name.size() > 0) {
            into.computeIfAbsent(decode(name), n -> new ArrayList<>()).add(decode(value));
        }
        name.reset();
        value.reset();
    }

    /** A cut may fall inside an escape or a character: the broken tail is dropped, never shown as junk. */
    private static String decode(ByteArrayOutputStream encoded) {
        String text = encoded.toString(StandardCharsets.ISO_8859_1);
        int percent = text.lastIndexOf('%');
        if (percent >= 0 && percent > text.length() - 3) {
            text = text.substring(0, percent);
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            decoded = text;
        }
        while (decoded.endsWith("\uFFFD")) {
            decoded = decoded.substring(0, decoded.length() - 1);
        }
        return decoded.length() > MAX_VALUE ? decoded.substring(0, MAX_VALUE) : decoded;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return parameters.get(name);
    }
}
