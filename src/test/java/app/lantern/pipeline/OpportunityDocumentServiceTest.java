package app.lantern.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.audit.AuditEntry;
import app.lantern.audit.AuditTrail;
import app.lantern.customer.CustomerTimeline;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;

@SpringBootTest
class OpportunityDocumentServiceTest {

    static final byte[] CONTENT = "迈瑞 vs 我方：参数与价格对比".getBytes(StandardCharsets.UTF_8);

    @Autowired
    PipelineFixtures fx;

    @Autowired
    OpportunityDocumentService documents;

    @Autowired
    OpportunityQueries service;

    @Autowired
    CustomerTimeline customerTimeline;

    @Autowired
    AuditTrail audit;

    @Autowired
    Clock clock;

    @Autowired
    MessageSource messages;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    private OpportunityDocument upload(long opportunityId, String fileName) {
        return documents.upload(
                opportunityId,
                DocumentKind.COMPETITOR_COMPARISON,
                fileName,
                "application/pdf",
                CONTENT.length,
                new ByteArrayInputStream(CONTENT));
    }

    private static FactorResult competitorFactor(HealthReport r) {
        return r.factors().stream()
                .filter(f -> f.factor() == HealthFactor.COMPETITOR_DOC)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anUploadedComparisonEarnsTheFactorAndTheExplanationNamesTheFileAndDate() {
        fx.signIn("rep3");
        long customer = fx.customer("rep3");
        OpportunityDetails o = fx.opportunity(customer).create();
        FactorResult before = competitorFactor(service.health(o.id()));
        assertThat(before.points()).isLessThan(before.maxPoints());
        assertThat(messages.getMessage(before.value(), Locale.SIMPLIFIED_CHINESE))
                .contains("未上传");

        OpportunityDocument doc = upload(o.id(), "迈瑞对比.pdf");

        assertThat(doc.fileName()).isEqualTo("迈瑞对比.pdf");
        assertThat(doc.kind()).isEqualTo(DocumentKind.COMPETITOR_COMPARISON);
        FactorResult after = competitorFactor(service.health(o.id()));
        assertThat(after.points()).isEqualTo(after.maxPoints());
        String uploadedOn = doc.uploadedAt()
                .atZoneSameInstant(clock.getZone())
                .toLocalDate()
                .toString();
        assertThat(messages.getMessage(after.value(), Locale.SIMPLIFIED_CHINESE))
                .contains("迈瑞对比.pdf")
                .contains(uploadedOn);
        assertThat(messages.getMessage(after.value(), Locale.ENGLISH))
                .startsWith("Uploaded")
                .contains("迈瑞对比.pdf")
                .contains(uploadedOn);
        assertThat(service.visible(o.id()).healthScore()).isGreaterThan(o.healthScore());
        assertThat(service.visible(o.id()).competitorDoc()).isEqualTo("迈瑞对比.pdf");
        assertThat(documents.of(o.id()))
                .extracting(OpportunityDocument::fileName)
                .containsExactly("迈瑞对比.pdf");
    }

    @Test
    void theFileIsACustomerAttachmentOnTheTimelineAndDownloadsAreAudited() throws IOException {
        fx.signIn("rep4");
        long customer = fx.customer("rep4");
        OpportunityDetails o = fx.opportunity(customer).create();
        OpportunityDocument doc = upload(o.id(), "竞品对比表.xlsx");

        assertThat(customerTimeline.attachments(customer))
                .extracting(a -> a.fileName())
                .contains("竞品对比表.xlsx");
        assertThat(customerTimeline.feed(customer, 50))
                .anySatisfy(i -> assertThat(i.title()).contains("竞品对比表.xlsx"));
        try (InputStream in = documents.download(o.id(), doc.id()).content()) {
            assertThat(in.readAllBytes()).isEqualTo(CONTENT);
        }
        assertThat(audit.history("opportunity", o.id()))
                .extracting(AuditEntry::action)
                .contains("document.uploaded", "document.downloaded");
        assertThat(audit.history("opportunity", o.id()))
                .anySatisfy(
                        e -> assertThat(e.changes()).contains("competitorDoc").contains("竞品对比表.xlsx"));
    }

    @Test
    void otherKindsAreStoredButDoNotCountAsComparison() {
        fx.signIn("rep5");
        long customer = fx.customer("rep5");
        OpportunityDetails o = fx.opportunity(customer).create();
        documents.upload(
                o.id(), DocumentKind.PROPOSAL, "方案.docx", null, CONTENT.length, new ByteArrayInputStream(CONTENT));
        assertThat(documents.of(o.id())).hasSize(1);
        FactorResult f = competitorFactor(service.health(o.id()));
        assertThat(f.points()).isLessThan(f.maxPoints());
    }

    @Test
    void anotherTeamCannotUploadOrDownload() {
        fx.signIn("rep6");
        long customer = fx.customer("rep6");
        OpportunityDetails o = fx.opportunity(customer).create();
        OpportunityDocument doc = upload(o.id(), "对比.pdf");
        fx.signIn("rep13");
        assertThatThrownBy(() -> upload(o.id(), "x.pdf")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> documents.download(o.id(), doc.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> documents.of(o.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void rejectsDisallowedTypesAndEmptyFilesNamingTheFileField() {
        fx.signIn("rep6");
        long customer = fx.customer("rep6");
        OpportunityDetails o = fx.opportunity(customer).create();
        assertThatThrownBy(() -> upload(o.id(), "run.exe"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldErrors.FieldError::field)
                                .containsExactly("file"));
        assertThatThrownBy(() -> documents.upload(
                        o.id(),
                        DocumentKind.COMPETITOR_COMPARISON,
                        "空.pdf",
                        null,
                        0,
                        new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(ValidationException.class);
        assertThat(documents.of(o.id())).isEmpty();
    }
}
