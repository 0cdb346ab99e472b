package kz.shagym.deadline.api;

import java.util.List;
import java.util.Map;

/** One rule of GET /api/deadlines/rules. */
record RuleView(String id, Map<String, String> title, String basis, String sourceUrl, String confidence, boolean verified,
        String owedBy, String trigger, String regime, String period, List<String> reminderOffsets, String validFrom,
        String validTo, String note) {}
