package app.lantern.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transcript cut into sentences with their speaker's side. Speaker labels ("客户：", "销售：", "王总：", or "销售 " at
 * the start of ASR output) are used when present; otherwise each sentence's side is inferred from how it addresses the
 * other side (a customer says 你们, a rep says 您).
 */
record Transcript(List<Sentence> sentences) {

    private static final Pattern LABEL = Pattern.compile("(?:^|(?<=[\\s。！？!?；;\\n]))"
            + "(客户|销售|甲方|乙方|顾问|我方|对方|[\\u4e00-\\u9fa5]{1,2}(?:总|经理|工|主任|老师|局))\\s*[：:]"
            + "|^(客户|销售)(?:\\s+|(?=说))");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?；;\\n]+");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[，,、：:\\s]+|(?=但是|不过|然后|另外|而且|可是|只是|结果)");
    private static final Pattern SALES_CUES =
            Pattern.compile("您|我们可以|我们支持|我们有|我给|我把|我们的产品|我们的系统|我带|我这边|我们提供|我们服务过|我回去申请|我第一");

    /** One sentence: its speaker's side (inferred when unlabelled), label name when the label was a person, text. */
    record Sentence(int index, Party party, boolean labelled, String speakerName, String text, List<String> clauses) {}

    static Transcript of(String raw) {
        String text = raw.replace('\r', '\n').strip();
        List<Sentence> out = new ArrayList<>();
        Matcher m = LABEL.matcher(text);
        int start = 0;
        String label = null;
        while (m.find()) {
            addTurn(out, label, text.substring(start, m.start()));
            label = m.group(1) != null ? m.group(1) : m.group(2);
            start = m.end();
        }
        addTurn(out, label, text.substring(start));
        return new Transcript(List.copyOf(out));
    }

    private static void addTurn(List<Sentence> out, String label, String turn) {
        for (String s : SENTENCE_END.split(turn)) {
            String sentence = s.strip();
            if (sentence.isEmpty()) {
                continue;
            }
            List<String> clauses = new ArrayList<>();
            for (String c : CLAUSE_BREAK.split(sentence)) {
                if (!c.isBlank()) {
                    clauses.add(c.strip());
                }
            }
            Party party = label == null ? infer(sentence) : sideOf(label);
            String name = label != null && sideOf(label) == Party.CUSTOMER && isPersonLabel(label) ? label : null;
            out.add(new Sentence(out.size(), party, label != null, name, sentence, List.copyOf(clauses)));
        }
    }

    private static boolean isPersonLabel(String label) {
        return !label.equals("客户") && !label.equals("甲方") && !label.equals("对方");
    }

    private static Party sideOf(String label) {
        return switch (label) {
            case "销售", "乙方", "顾问", "我方" -> Party.SALES;
            default -> Party.CUSTOMER;
        };
    }

    static Party infer(String sentence) {
        if (sentence.contains("你们")) {
            return Party.CUSTOMER;
        }
        return SALES_CUES.matcher(sentence).find() ? Party.SALES : Party.CUSTOMER;
    }
}
