package kz.shagym.deadline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule catalog: every version of every rule from {@code config/deadline-rules/*.yaml}.
 * Besides {@code rules:}, a file may list {@code info:} rows of the research table that have no period
 * (e.g. K6 "where to file"); they are recorded only so that every table row is accounted for.
 */
public final class RuleCatalog {

    /** A research-table row kept as information only, with the reason it has no computable period. */
    public record InfoEntry(String table, String id, String summary, String reason) {}

    private final List<DeadlineRule> all;
    private final Map<String, List<DeadlineRule>> versions;
    private final List<InfoEntry> info;
    private final Map<String, Set<String>> tableRows;

    private RuleCatalog(List<DeadlineRule> all, List<InfoEntry> info, Map<String, Set<String>> tableRows) {
        this.all = List.copyOf(all);
        this.info = List.copyOf(info);
        this.tableRows = tableRows;
        Map<String, List<DeadlineRule>> byId = new LinkedHashMap<>();
        for (DeadlineRule r : all) {
            byId.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
        }
        byId.replaceAll((id, list) -> sortedWithoutOverlap(id, list));
        this.versions = byId;
    }

    /** Reads every *.yaml in {@code dir}; fails on a malformed rule so a bad catalog never reaches production. */
    public static RuleCatalog load(Path dir) {
        List<DeadlineRule> rules = new ArrayList<>();
        List<InfoEntry> info = new ArrayList<>();
        Map<String, Set<String>> tableRows = new LinkedHashMap<>();
        for (Path file : Yamls.yamlFiles(dir)) {
            Map<String, Object> doc = Yamls.read(file);
            for (Map<String, Object> raw : Yamls.list(doc, "rules")) {
                DeadlineRule rule = RuleYamls.rule(raw, file.toString());
                rules.add(rule);
                for (String row : Yamls.strings(raw, "table")) {
                    tableRows.computeIfAbsent(row, k -> new LinkedHashSet<>()).add(rule.id());
                }
            }
            for (Map<String, Object> raw : Yamls.list(doc, "info")) {
                String table = Yamls.required(raw, "table", file.toString());
                InfoEntry entry = new InfoEntry(table, Yamls.string(raw, "id"), Yamls.required(raw, "summary", file + " " + table),
                        Yamls.required(raw, "reason", file + " " + table));
                info.add(entry);
                tableRows.computeIfAbsent(table, k -> new LinkedHashSet<>()).add("info");
            }
        }
        return new RuleCatalog(rules, info, tableRows);
    }

    /** The version of {@code id} in force at {@code triggerDate}. */
    public DeadlineRule rule(String id, LocalDate triggerDate) {
        List<DeadlineRule> list = versions.get(id);
        if (list == null) {
            throw new UnknownRuleException("rule", "unknown rule '" + id + "'");
        }
        for (DeadlineRule r : list) {
            if (r.inForceAt(triggerDate)) {
                return r;
            }
        }
        throw new UnknownRuleException("rule", "rule '" + id + "' is not in force on " + triggerDate);
    }

    public boolean contains(String id) {
        return versions.containsKey(id);
    }

    /** Every version of every rule. */
    public List<DeadlineRule> all() {
        return all;
    }

    /** One version per id, in force at {@code date}. */
    public List<DeadlineRule> current(LocalDate date) {
        List<DeadlineRule> out = new ArrayList<>();
        for (List<DeadlineRule> list : versions.values()) {
            for (DeadlineRule r : list) {
                if (r.inForceAt(date)) {
                    out.add(r);
                    break;
                }
            }
        }
        return out;
    }

    public List<InfoEntry> info() {
        return info;
    }

    /** Research-table row (K1, A3, …) → rule ids (or "info") that account for it. */
    public Map<String, Set<String>> tableRows() {
        return tableRows;
    }

    private static List<DeadlineRule> sortedWithoutOverlap(String id, List<DeadlineRule> list) {
        List<DeadlineRule> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing(r -> r.validFrom() == null ? LocalDate.MIN : r.validFrom()));
        for (int i = 1; i < sorted.size(); i++) {
            LocalDate prevTo = sorted.get(i - 1).validTo();
            LocalDate from = sorted.get(i).validFrom();
            if (prevTo == null || from == null || !from.isAfter(prevTo)) {
                throw new IllegalStateException("rule '" + id + "': versions overlap (" + prevTo + " / " + from + ")");
            }
        }
        return List.copyOf(sorted);
    }
}
