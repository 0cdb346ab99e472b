package kz.shagym.web;

/** What text the application accepts from anyone: what a letter can hold. */
public final class Text {

    private Text() {
    }

    /**
     * True when every character may appear in an XML 1.0 document (a DOCX is one): tab, line feed, carriage return
     * and the printable planes, with surrogates only in pairs. A NUL or other control character in a name would make
     * the generated letter unreadable, and PostgreSQL refuses NUL outright.
     */
    public static boolean printable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
