package kz.shagym.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.shagym.complaint.ComplaintView;
import kz.shagym.complaint.Ladder;

/**
 * One line of the timeline. What the ledger keeps as codes in the detail — a reason at its head ("closeReason=…",
 * "reason=…"), the kind of a filed letter, the committee of a UN submission — becomes message keys, so that the
 * page shows it in its language; the rest of the detail (a note) is shown as written.
 */
record HistoryLine(ComplaintView.HistoryView h, String at, String learned, String copy, List<String> keys, String detail) {
    static HistoryLine of(ComplaintView.HistoryView h, Map<UUID, ComplaintView.HistoryView> byId) {
        String detail = h.detail();
        List<String> keys = new ArrayList<>();
        if (detail != null && "COPY_RECEIVED".equals(h.type()) && detail.startsWith("decision ")) {
            // a late copy names the decision it belongs to by id: shown as that decision and its date
            ComplaintView.HistoryView decision = byId.get(parseId(detail.substring("decision ".length()).split(";")[0].strip()));
            if (decision != null) {
                keys.add("case.copyOf");
                keys.add("event." + decision.type());
                int note = detail.indexOf("; ");
                detail = Formats.almaty(decision.at()) + (note < 0 ? "" : "; " + detail.substring(note + 2));
                return new HistoryLine(h, Formats.almaty(h.at()), Formats.almaty(h.learnedAt()),
                        Formats.almaty(h.copyReceivedAt()), List.copyOf(keys), detail);
            }
        }
        boolean submission = "UN_SUBMITTED".equals(h.type()) || "FILED".equals(h.type()); // a filed communication is one too
        if (detail != null && submission && detail.matches("(CAT|HRC)( interimMeasures=true)?")) {
            keys.add("committee." + detail.substring(0, 3));
            if (detail.length() > 3) {
                keys.add("event.interimMeasures");
            }
            detail = null;
        } else if (detail != null && "FILED".equals(h.type()) && detail.matches("[A-Z_]+")) {
            keys.add("letter." + detail);
            detail = null;
        } else if (detail != null) {
            for (String prefix : List.of(Ladder.CLOSE_REASON, "reason=")) {
                if (detail.startsWith(prefix)) {
                    int end = detail.indexOf("; ");
                    String code = end < 0 ? detail.substring(prefix.length()) : detail.substring(prefix.length(), end);
                    keys.add((prefix.equals(Ladder.CLOSE_REASON) ? "closeReason." : "reason.") + code);
                    detail = end < 0 ? null : detail.substring(end + 2);
                    break;
                }
            }
        }
        return new HistoryLine(h, Formats.almaty(h.at()), Formats.almaty(h.learnedAt()), Formats.almaty(h.copyReceivedAt()),
                List.copyOf(keys), detail);
    }

    private static UUID parseId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
