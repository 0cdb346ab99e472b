package kz.shagym.deadline;

import java.util.Locale;
import java.util.Map;

/** A short text in the three product languages. */
public record Localized(String ru, String kk, String en) {

    static Localized of(Map<String, String> map) {
        return new Localized(map.get("ru"), map.getOrDefault("kk", map.get("ru")), map.getOrDefault("en", map.get("ru")));
    }

    public String in(Locale locale) {
        return switch (Messages.lang(locale)) {
            case "kk" -> kk;
            case "en" -> en;
            default -> ru;
        };
    }

    Localized suffixed(String suffix) {
        return new Localized(ru + suffix, kk + suffix, en + suffix);
    }
}
