package kz.shagym.web;

import java.util.List;
import java.util.Locale;

/** The languages of the pages and of the explanations stored with each deadline. */
final class Languages {

    static final List<String> ALL = List.of("ru", "kk", "en");

    private Languages() {
    }

    static boolean supported(String tag) {
        return tag != null && ALL.contains(tag);
    }

    /** The page language for the domain's own localized texts (deadline explanations, warnings). */
    static String of(Locale locale) {
        return supported(locale.getLanguage()) ? locale.getLanguage() : "ru";
    }
}
