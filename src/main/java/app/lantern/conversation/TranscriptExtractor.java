package app.lantern.conversation;

import app.lantern.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The offline extraction itself: plain Java over HanLP, the working calendar and the competitor list; no Spring. */
final class TranscriptExtractor {

    private static final Pattern COMMIT_VERB = Pattern.compile("给|发|安排|提供|准备|带|过来|过去|拜访|联系|答复|回复|反馈|确认|通知|签"
            + "|付|寄|开会|讨论|整理|提交|完成|演示|搭|出|约|告诉|启动|定|走|碰|看完|汇报|部署|评审|打|开|做|送|盖章|调研|排期|准信|回电");
    private static final Pattern OTHER_SIDE_SUBJECT = Pattern.compile("(?<![给跟和向诉知帮替对])你们(?!的|那边|公司)");
    private static final Pattern COMPARISON = Pattern.compile("比|对比|在谈|在用|报价|选了|倾向|也在看|看看");
    private static final int SUMMARY_SENTENCES = 3;

    /** A contact of the opportunity's customer that a name said in the call may refer to. */
    record KnownContact(long id, String name, String title) {}

    private final DueDates dueDates;
    private final Objections objections;
    private final List<String> competitors;

    TranscriptExtractor(WorkingCalendar calendar, NaiveBayes classifier, List<String> competitors) {
        this.dueDates = new DueDates(calendar);
        this.objections = new Objections(classifier);
        this.competitors = List.copyOf(competitors);
    }

    Extraction extract(String transcriptText, LocalDate callDate, List<KnownContact> contacts) {
        Transcript transcript = Transcript.of(transcriptText);
        List<Transcript.Sentence> sentences = transcript.sentences();
        Set<String> competitorsSaid = competitorsIn(transcriptText, sentences);
        List<Objections.Raised> raised = objections.find(sentences, competitorsSaid);
        List<Extraction.Commitment> commitments = new ArrayList<>();
        Set<Integer> keySentences = new TreeSet<>();
        for (Transcript.Sentence s : sentences) {
            LocalDate anchor = null;
            for (String clause : s.clauses()) {
                Optional<LocalDate> due = dueDates.resolve(clause, callDate, anchor);
                if (due.isEmpty()) {
                    continue;
                }
                anchor = due.get();
                if (COMMIT_VERB.matcher(clause).find()) {
                    Party speaker = s.labelled() ? s.party() : Transcript.infer(clause);
                    Party who = OTHER_SIDE_SUBJECT.matcher(clause).find() && !clause.contains("我")
                            ? other(speaker)
                            : speaker;
                    if (commitments.stream()
                            .noneMatch(c -> c.who() == who && due.get().equals(c.due()))) {
                        commitments.add(new Extraction.Commitment(who, clause, due.get()));
                        keySentences.add(s.index());
                    }
                }
            }
        }
        List<String> texts = sentences.stream().map(Transcript.Sentence::text).toList();
        Optional<Extraction.Budget> budget = Budgets.find(customerSentences(sentences));
        List<Extraction.Person> roles = new ArrayList<>();
        for (People.Named p : People.find(sentences)) {
            roles.add(new Extraction.Person(p.name(), p.role(), match(p, contacts)));
        }
        raised.forEach(r -> keySentences.add(r.sentence()));
        List<Extraction.Objection> open = raised.stream()
                .map(r -> new Extraction.Objection(r.category(), r.evidence()))
                .toList();
        return new Extraction(
                open,
                roles,
                commitments,
                budget.orElse(null),
                List.copyOf(competitorsSaid),
                summary(texts, keySentences));
    }

    private static List<String> customerSentences(List<Transcript.Sentence> sentences) {
        return sentences.stream()
                .filter(s -> s.party() == Party.CUSTOMER || !s.labelled())
                .map(Transcript.Sentence::text)
                .toList();
    }

    private Set<String> competitorsIn(String text, List<Transcript.Sentence> sentences) {
        Set<String> found = new LinkedHashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String c : competitors) {
            if (!c.isBlank() && lower.contains(c.toLowerCase(Locale.ROOT))) {
                found.add(c);
            }
        }
        for (Transcript.Sentence s : sentences) {
            if (s.party() == Party.CUSTOMER && COMPARISON.matcher(s.text()).find()) {
                found.addAll(Tokens.organisations(s.text()));
            }
        }
        return found;
    }

    private static Long match(People.Named person, List<KnownContact> contacts) {
        String surname = person.name().substring(0, 1);
        List<KnownContact> same = contacts.stream()
                .filter(c -> c.name() != null && c.name().startsWith(surname))
                .toList();
        if (same.size() > 1) {
            String hint = person.title().equals("总")
                    ? "总|董事长|CEO|总裁"
                    : person.title().equals("工") ? "工程师|工|技术" : person.title();
            Pattern p = Pattern.compile(hint);
            same = same.stream()
                    .filter(c -> c.title() != null && p.matcher(c.title()).find())
                    .toList();
        }
        return same.size() == 1 ? same.getFirst().id() : null;
    }

    private static Party other(Party p) {
        return p == Party.SALES ? Party.CUSTOMER : Party.SALES;
    }

    private static String summary(List<String> sentences, Set<Integer> key) {
        List<String> picked = new ArrayList<>();
        for (int i : key) {
            if (picked.size() < SUMMARY_SENTENCES) {
                picked.add(sentences.get(i));
            }
        }
        if (picked.isEmpty() && !sentences.isEmpty()) {
            picked.add(sentences.getFirst());
        }
        String s = String.join("。", picked) + (picked.isEmpty() ? "" : "。");
        return s.length() > 300 ? s.substring(0, 299) + "…" : s;
    }
}
