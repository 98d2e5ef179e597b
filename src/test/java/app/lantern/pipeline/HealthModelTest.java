package app.lantern.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class HealthModelTest {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("i18n/pipeline");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 27, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    static HealthFacts healthy() {
        return new HealthFacts(
                NOW.minusDays(40),
                NOW.minusDays(1),
                NOW.minusDays(5),
                3,
                HealthModel.roleBit("DECISION_MAKER")
                        | HealthModel.roleBit("INFLUENCER")
                        | HealthModel.roleBit("USER")
                        | HealthModel.roleBit("SUPPORTER"),
                true,
                3,
                2,
                true,
                "竞品对比.pdf",
                NOW.minusDays(4),
                true,
                NOW.toLocalDate().plusDays(3),
                4,
                10,
                8,
                8,
                5,
                NOW.minusDays(2),
                true,
                true,
                new QuoteSignal("ACCEPTED", "POSITIVE", NOW.minusDays(3), LocalDate.of(2026, 12, 31)),
                NOW.toLocalDate().plusDays(30),
                0);
    }

    static HealthFacts neglected() {
        return new HealthFacts(
                NOW.minusDays(90),
                NOW.minusDays(45),
                null,
                0,
                0,
                false,
                4,
                2,
                true,
                null,
                null,
                false,
                null,
                40,
                10,
                2,
                8,
                0,
                null,
                false,
                false,
                null,
                NOW.toLocalDate().minusDays(5),
                3);
    }

    @Test
    void aWellWorkedOpportunityScoresFullMarks() {
        HealthReport r = HealthModel.score(healthy(), HealthModel.defaultWeights(), NOW);
        assertThat(r.score()).isEqualTo(100);
        assertThat(r.factors()).hasSize(12);
        assertThat(r.weakFactors()).isEmpty();
    }

    @Test
    void aNeglectedOpportunityScoresLowAndNamesItsWeakFactors() {
        HealthReport r = HealthModel.score(neglected(), HealthModel.defaultWeights(), NOW);
        assertThat(r.score()).isLessThan(20);
        assertThat(r.weakFactors())
                .extracting(FactorResult::factor)
                .contains(
                        HealthFactor.LAST_CONTACT,
                        HealthFactor.DECISION_MAKER_CONTACT,
                        HealthFactor.DECISION_CHAIN,
                        HealthFactor.BUDGET_CONFIRMED,
                        HealthFactor.NEXT_STEP,
                        HealthFactor.STAGE_DWELL,
                        HealthFactor.CLOSE_SLIPPAGE);
    }

    @Test
    void everyFactorExplainsValuePointsAndRule() {
        HealthReport r = HealthModel.score(neglected(), HealthModel.defaultWeights(), NOW);
        FactorResult last = r.factors().stream()
                .filter(f -> f.factor() == HealthFactor.LAST_CONTACT)
                .findFirst()
                .orElseThrow();
        assertThat(MESSAGES.getMessage(last.value(), ZH)).isEqualTo("45 天前");
        assertThat(MESSAGES.getMessage(last.value(), Locale.ENGLISH)).isEqualTo("45 days ago");
        assertThat(last.points()).isZero();
        assertThat(last.maxPoints()).isEqualTo(12.0);
        assertThat(MESSAGES.getMessage(last.why(), ZH)).contains("≤3 天满分");
        assertThat(MESSAGES.getMessage(last.why(), Locale.ENGLISH)).contains("≤3 days: full marks");
        for (HealthReport report : List.of(r, HealthModel.score(healthy(), HealthModel.defaultWeights(), NOW))) {
            assertThat(report.factors()).allSatisfy(f -> {
                assertThat(MESSAGES.getMessage(f.why(), ZH)).isNotBlank().doesNotContain("pipeline.health");
                assertThat(MESSAGES.getMessage(f.value(), ZH)).isNotBlank().doesNotContain("pipeline.health");
                assertThat(MESSAGES.getMessage(f.why(), Locale.ENGLISH))
                        .isNotBlank()
                        .doesNotContainPattern("\\p{IsHan}");
                String english = MESSAGES.getMessage(f.value(), Locale.ENGLISH);
                assertThat(english).isNotBlank().doesNotContain("pipeline.health");
                if (f.factor() != HealthFactor.COMPETITOR_DOC) { // names the uploaded file, as the user named it
                    assertThat(english).doesNotContainPattern("\\p{IsHan}");
                }
            });
        }
    }

    @Test
    void lastContactDecaysWithTime() {
        HealthFacts f = healthy();
        double fresh = HealthModel.ratio(HealthFactor.LAST_CONTACT, f, NOW, NOW.toLocalDate());
        double week = HealthModel.ratio(HealthFactor.LAST_CONTACT, f, NOW.plusDays(6), NOW.toLocalDate());
        double month = HealthModel.ratio(HealthFactor.LAST_CONTACT, f, NOW.plusDays(40), NOW.toLocalDate());
        assertThat(fresh).isGreaterThan(week);
        assertThat(week).isGreaterThan(month);
        assertThat(month).isZero();
    }

    @Test
    void missingQuoteIsNeutralAndRejectedQuoteScoresZero() {
        HealthFacts noQuote = neglected();
        assertThat(HealthModel.ratio(HealthFactor.QUOTE, noQuote, NOW, NOW.toLocalDate()))
                .isEqualTo(0.5);
        HealthFacts h = healthy();
        HealthFacts rejected = new HealthFacts(
                h.createdAt(),
                h.lastContactAt(),
                h.lastDecisionMakerContactAt(),
                h.decisionMakerContacts(),
                h.decisionChainRoles(),
                h.budgetConfirmed(),
                h.stagePosition(),
                h.budgetRequiredFrom(),
                h.competitorsKnown(),
                h.competitorDocName(),
                h.competitorDocUploadedAt(),
                h.nextStepSet(),
                h.nextStepDue(),
                h.stageWorkingDays(),
                h.slaDays(),
                h.requiredFilled(),
                h.requiredTotal(),
                h.twoWayInteractions(),
                h.lastTwoWayAt(),
                h.demoDelivered(),
                h.proposalDelivered(),
                new QuoteSignal("REJECTED", "PRICE_TOO_HIGH", NOW.minusDays(3), null),
                h.expectedClose(),
                h.closeDateChanges());
        assertThat(HealthModel.ratio(HealthFactor.QUOTE, rejected, NOW, NOW.toLocalDate()))
                .isZero();
    }

    @Test
    void budgetBeforeItsRequiredStageCountsHalf() {
        HealthFacts early = new HealthFacts(
                NOW, NOW, null, 0, 0, false, 1, 3, false, null, null, false, null, 0, 5, 1, 4, 0, null, false, false,
                null, null, 0);
        assertThat(HealthModel.ratio(HealthFactor.BUDGET_CONFIRMED, early, NOW, NOW.toLocalDate()))
                .isEqualTo(0.5);
    }

    @Test
    void weightsShiftTheScore() {
        Map<HealthFactor, Integer> onlyContact = new java.util.EnumMap<>(HealthFactor.class);
        for (HealthFactor f : HealthFactor.values()) {
            onlyContact.put(f, 0);
        }
        onlyContact.put(HealthFactor.LAST_CONTACT, 10);
        assertThat(HealthModel.score(neglected(), onlyContact, NOW).score()).isZero();
        assertThat(HealthModel.score(healthy(), onlyContact, NOW).score()).isEqualTo(100);
        int[] w = new int[12];
        w[HealthFactor.LAST_CONTACT.ordinal()] = 10;
        assertThat(HealthModel.scoreOnly(healthy(), w, 10, NOW)).isEqualTo(100);
    }

    @Test
    void slippedCloseDatesLoseTheirPoints() {
        HealthFacts n = neglected();
        assertThat(HealthModel.ratio(HealthFactor.CLOSE_SLIPPAGE, n, NOW, NOW.toLocalDate()))
                .isZero();
    }

    @Test
    void weakFactorsStoredInChineseAreNamedInTheReadersLanguage() {
        List<HealthFactor> weak = HealthFactor.ofLabels("最近联系、决策链完整度、报价状态与反馈");
        assertThat(weak).containsExactly(HealthFactor.LAST_CONTACT, HealthFactor.DECISION_CHAIN, HealthFactor.QUOTE);
        assertThat(MESSAGES.getMessage(HealthFactor.listPhrase(weak), ZH)).isEqualTo("最近联系、决策链完整度、报价状态与反馈");
        assertThat(MESSAGES.getMessage(HealthFactor.listPhrase(weak), Locale.ENGLISH))
                .isEqualTo("Last contact, Decision chain coverage, Quote status and feedback");
    }
}
