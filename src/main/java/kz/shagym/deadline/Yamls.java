package kz.shagym.deadline;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Small helpers to read the config YAML with SnakeYAML's safe constructor and clear errors. */
final class Yamls {
    private Yamls() {}

    static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("config directory not found: " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(doc instanceof Map)) {
                throw new IllegalStateException(file + ": expected a YAML mapping at top level");
            }
            return (Map<String, Object>) doc;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    static String string(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v == null ? null : v.toString().trim();
    }

    static String required(Map<String, Object> map, String key, String where) {
        String v = string(map, key);
        if (v == null || v.isEmpty()) {
            throw new IllegalStateException(where + ": missing '" + key + "'");
        }
        return v;
    }

    /** SnakeYAML turns unquoted dates into java.util.Date at UTC midnight; quoted ones stay strings. */
    static LocalDate date(Map<String, Object> map, String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Date d) {
            return d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(v.toString().trim());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v instanceof List ? (List<Map<String, Object>>) v : List.of();
    }

    static List<String> strings(Map<String, Object> map, String key) {
        Object v = map.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.forEach(x -> out.add(x.toString().trim()));
        }
        return out;
    }

    static Map<String, String> texts(Map<String, Object> map, String key, String where) {
        Map<String, Object> raw = map(map, key);
        for (String lang : List.of("ru", "kk", "en")) {
            if (raw.get(lang) == null) {
                throw new IllegalStateException(where + ": '" + key + "' lacks the " + lang + " text");
            }
        }
        return Map.of("ru", raw.get("ru").toString(), "kk", raw.get("kk").toString(), "en", raw.get("en").toString());
    }
}
