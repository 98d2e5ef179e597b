package app.lantern.conversation;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;

/** Chinese words by HanLP (portable dictionaries inside its jar, no network), and organisation names it recognises. */
final class Tokens {

    /** HanLP's Viterbi segmenter keeps no per-call state, so one instance serves every thread. */
    private static final Segment SEGMENT =
            HanLP.newSegment().enableOrganizationRecognize(true).enableNameRecognize(false);

    private Tokens() {}

    /** The words of {@code text}, punctuation and whitespace dropped. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (Term t : SEGMENT.seg(text)) {
            if (!t.word.isBlank() && (t.nature == null || !t.nature.startsWith("w"))) {
                out.add(t.word);
            }
        }
        return out;
    }

    /** Organisation names HanLP recognises that look like company names (…公司, …集团, …科技). */
    static List<String> organisations(String text) {
        List<String> out = new ArrayList<>();
        for (Term t : SEGMENT.seg(text)) {
            if (t.nature != null
                    && t.nature.startsWith("nt")
                    && t.word.length() >= 4
                    && t.word.length() <= 20
                    && t.word.matches(".*(公司|集团|科技|软件|网络|信息)$")
                    && !t.word.matches(".*[0-9零一二两三四五六七八九十百千万].*")) {
                out.add(t.word);
            }
        }
        return out;
    }
}
