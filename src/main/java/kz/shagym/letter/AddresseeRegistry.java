package kz.shagym.letter;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The authorities letters go to, per region (config/addressees.yaml): the heading a first draft gets. The lawyer may
 * correct it per letter ({@link LetterParticularsStore}); a kind the file does not route (the UN communications) has
 * its addressee in its template.
 */
public final class AddresseeRegistry {

    /** The bodies of a region a domestic letter can be addressed to. */
    public enum Authority { PROSECUTOR, POLICE_DEPARTMENT, INVESTIGATIVE_COURT, REGIONAL_COURT }

    /** How a letter kind is routed: to a fixed authority, or to the one whose decision it contests. */
    enum Route { PROSECUTOR, POLICE_DEPARTMENT, INVESTIGATIVE_COURT, REGIONAL_COURT, CONTESTED }

    private static final List<String> LANGUAGES = List.of("ru", "kk");

    private final Map<LetterKind, Route> routes;
    private final Map<String, Map<Authority, Map<String, List<String>>>> lines;

    private AddresseeRegistry(Map<LetterKind, Route> routes, Map<String, Map<Authority, Map<String, List<String>>>> lines) {
        this.routes = routes;
        this.lines = lines;
    }

    /** Reads the file; an unknown kind or authority, or an entry without both languages, stops the start. */
    @SuppressWarnings("unchecked")
    public static AddresseeRegistry load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            Map<LetterKind, Route> routes = new EnumMap<>(LetterKind.class);
            ((Map<String, Object>) doc.get("letters")).forEach((kind, route) ->
                    routes.put(LetterKind.valueOf(kind), Route.valueOf(String.valueOf(route))));
            Map<String, Map<Authority, Map<String, List<String>>>> regions = new LinkedHashMap<>();
            ((Map<String, Object>) doc.get("regions")).forEach((region, authorities) -> {
                Map<Authority, Map<String, List<String>>> byAuthority = new EnumMap<>(Authority.class);
                ((Map<String, Object>) authorities).forEach((authority, names) -> {
                    Map<String, List<String>> byLanguage = new LinkedHashMap<>();
                    for (String language : LANGUAGES) {
                        Object value = ((Map<String, Object>) names).get(language);
                        if (!(value instanceof List<?> list) || list.isEmpty()) {
                            throw new IllegalStateException(file + ": " + region + " " + authority + " has no '" + language + "' lines");
                        }
                        byLanguage.put(language, list.stream().map(String::valueOf).map(String::strip).toList());
                    }
                    byAuthority.put(Authority.valueOf(authority), byLanguage);
                });
                regions.put(region, byAuthority);
            });
            return new AddresseeRegistry(routes, regions);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the addressees from " + file.toAbsolutePath(), e);
        }
    }

    /**
     * The heading for a letter of this kind in this region, or empty when the file routes no such kind or has no entry for
     * the region (then the template's own neutral heading stands and the lawyer enters one on the letter's page).
     *
     * @param contestedAuthority the body whose decision or silence the letter is about (PROSECUTOR, POLICE, …), for
     *                           the kinds routed to it
     */
    public Optional<Addressee> forLetter(LetterKind kind, String regionCode, String language, String contestedAuthority) {
        Route route = routes.get(kind);
        if (route == null || regionCode == null) {
            return Optional.empty();
        }
        Authority authority = switch (route) {
            case CONTESTED -> "PROSECUTOR".equals(contestedAuthority) ? Authority.PROSECUTOR : Authority.POLICE_DEPARTMENT;
            default -> Authority.valueOf(route.name());
        };
        return Optional.ofNullable(lines.get(regionCode)).map(byAuthority -> byAuthority.get(authority))
                .map(byLanguage -> byLanguage.get(language))
                .map(heading -> new Addressee(heading, Addressee.Origin.REGISTRY, regionCode + "/" + authority));
    }

    /** The region codes the file has entries for. */
    public java.util.Set<String> regions() {
        return lines.keySet();
    }
}
