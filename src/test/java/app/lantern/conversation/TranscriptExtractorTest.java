package app.lantern.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptExtractorTest {

    final TranscriptExtractor extractor = new TranscriptExtractor(
            DevSet.shippedCalendar(),
            NaiveBayes.fromResource("conversation/objection-examples.tsv"),
            ConversationProperties.DEFAULT_COMPETITORS);

    private Extraction extract(String text) {
        return extractor.extract(
                text, LocalDate.of(2026, 3, 10), List.of(new TranscriptExtractor.KnownContact(7, "王建国", "总经理")));
    }

    @Test
    void aNegatedTopicIsNoObjection() {
        assertThat(extract("客户：说实话不是价格的问题，主要是我们担心上线周期太长，实施要半年我们等不起。").objections())
                .extracting(Extraction.Objection::category)
                .containsExactly(ObjectionCategory.DELIVERY);
    }

    @Test
    void anObjectionAnsweredAndAcceptedInTheSameCallIsNotOpen() {
        assertThat(extract("客户：价格太高了。销售：我们可以拆成两期，第一期费用降一半。客户：这个方案可以，那就按两期来。").objections())
                .isEmpty();
    }

    @Test
    void worksOnUnlabelledAsrTextWithoutPunctuation() {
        Extraction e = extract("嗯那个就是说我们这边预算大概五十万以内吧然后王总说了他最后拍板你们下周三之前把方案发过来");
        assertThat(e.budget().max()).isEqualByComparingTo("500000");
        assertThat(e.roles()).containsExactly(new Extraction.Person("王总", ChainRole.DECISION_MAKER, 7L));
        assertThat(e.commitments())
                .extracting(Extraction.Commitment::who, Extraction.Commitment::due)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Party.SALES, LocalDate.of(2026, 3, 18)));
    }

    @Test
    void evidenceIsTheSentenceThatShowsTheObjection() {
        assertThat(extract("客户：我们已经在用纷享销客了。销售：好的。").objections())
                .containsExactly(new Extraction.Objection(ObjectionCategory.COMPETITOR, "我们已经在用纷享销客了"));
    }
}
