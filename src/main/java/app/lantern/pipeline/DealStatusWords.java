package app.lantern.pipeline;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words exports use for a deal's status, in Chinese and English (Salesforce's Closed Won / Closed Lost stages,
 * HubSpot's closedwon, Pipedrive's won / lost / open): open, won or lost.
 */
final class DealStatusWords {

    private static final Map<String, OpportunityStatus> WORDS = new HashMap<>();

    static {
        words(
                OpportunityStatus.WON,
                "赢单",
                "赢",
                "已赢单",
                "成交",
                "已成交",
                "签约",
                "已签约",
                "赢得",
                "won",
                "closedwon",
                "win",
                "closewon",
                "dealwon",
                "wonclosed");
        words(
                OpportunityStatus.LOST,
                "输单",
                "输",
                "已输单",
                "丢单",
                "已丢单",
                "失败",
                "lost",
                "closedlost",
                "lose",
                "closelost",
                "deallost",
                "lostclosed");
        words(OpportunityStatus.OPEN, "进行中", "跟进中", "开放", "未关闭", "open", "inprogress", "active", "pending", "ongoing");
    }

    private DealStatusWords() {}

    private static void words(OpportunityStatus status, String... words) {
        for (String w : words) {
            WORDS.put(w, status);
        }
    }

    /** The status a word names, or null. */
    static OpportunityStatus of(String word) {
        if (word == null) {
            return null;
        }
        String w = Normalizer.normalize(word, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-/.]", "");
        return WORDS.get(w);
    }

    /** Whether a stage value is a closing word (the stage of a closed deal in Salesforce and HubSpot exports). */
    static boolean closes(String stage) {
        OpportunityStatus s = of(stage);
        return s != null && s != OpportunityStatus.OPEN;
    }
}
