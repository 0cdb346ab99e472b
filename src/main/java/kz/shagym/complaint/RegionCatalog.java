package kz.shagym.complaint;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The regions a complaint may be in (config/regions.yaml: the 17 regions and the 3 cities of republican significance),
 * each stored as its code and shown by its name in the reader's language. Complaints from before the list may hold free
 * text that named no region: it is shown as it was typed.
 */
public final class RegionCatalog {

    public enum Kind { CITY, REGION }

    public record Region(String code, Kind kind, String ru, String kk, String en, List<String> aliases) {
        /** The full name in a language of the pages or the letters (ru, kk, en); Russian for any other. */
        public String name(String language) {
            return switch (language == null ? "ru" : language) {
                case "kk" -> kk;
                case "en" -> en;
                default -> ru;
            };
        }
    }

    private final List<Region> all;
    private final Map<String, Region> byCode = new LinkedHashMap<>();
    private final Map<String, Region> bySpelling = new HashMap<>();

    RegionCatalog(List<Region> regions) {
        this.all = List.copyOf(regions);
        for (Region region : regions) {
            if (byCode.put(region.code(), region) != null) {
                throw new IllegalStateException("regions: code " + region.code() + " is listed twice");
            }
            List<String> spellings = new ArrayList<>(List.of(region.code(), region.ru(), region.kk(), region.en()));
            spellings.addAll(region.aliases());
            for (String spelling : spellings) {
                Region other = bySpelling.put(normalized(spelling), region);
                if (other != null && other != region) {
                    throw new IllegalStateException("regions: '" + spelling + "' names both " + other.code() + " and " + region.code());
                }
            }
        }
    }

    /** Reads config/regions.yaml; a missing file, a region without its three names or an ambiguous spelling stops the start. */
    @SuppressWarnings("unchecked")
    public static RegionCatalog load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            List<Region> regions = new ArrayList<>();
            for (Map<String, Object> entry : (List<Map<String, Object>>) doc.get("regions")) {
                regions.add(new Region(required(file, entry, "code"), Kind.valueOf(required(file, entry, "kind")),
                        required(file, entry, "ru"), required(file, entry, "kk"), required(file, entry, "en"),
                        ((List<Object>) entry.getOrDefault("aliases", List.of())).stream().map(String::valueOf).toList()));
            }
            return new RegionCatalog(regions);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the regions from " + file.toAbsolutePath(), e);
        }
    }

    private static String required(Path file, Map<String, Object> entry, String key) {
        Object value = entry.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalStateException(file + ": a region without '" + key + "': " + entry);
        }
        return String.valueOf(value).strip();
    }

    /** In the order of the file: the three cities, then the regions. */
    public List<Region> all() {
        return all;
    }

    /** The cities first, then the regions by their name in that language, as a select offers them. */
    public List<Region> sorted(String language) {
        Collator collator = Collator.getInstance(Locale.forLanguageTag(language == null ? "ru" : language));
        return all.stream().sorted(Comparator.comparing(Region::kind)
                .thenComparing(r -> r.name(language), collator)).toList();
    }

    public Optional<Region> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The region a code, a name in ru/kk/en or a known variant ("Алма-Ата", "almaty") names, ignoring case, ё and spaces. */
    public Optional<Region> resolve(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(bySpelling.get(normalized(text)));
    }

    /** What to show for a stored region: its name in the language, or text from before the list as it was typed. */
    public String name(String stored, String language) {
        return byCode(stored).map(r -> r.name(language)).orElse(stored == null ? "" : stored);
    }

    private static String normalized(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
