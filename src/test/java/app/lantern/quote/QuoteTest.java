package app.lantern.quote;

import static lantern.db.Tables.QUOTES;
import static lantern.db.Tables.QUOTE_APPROVALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.identity.Actor;
import app.lantern.identity.Role;
import app.lantern.shared.ConflictException;
import app.lantern.shared.ForbiddenException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import lantern.db.tables.records.QuoteApprovalsRecord;
import lantern.db.tables.records.QuotesRecord;
import org.junit.jupiter.api.Test;

/** The quote's transitions and their rules, without Spring or a database. */
class QuoteTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 10, 10, 8, 45, 0, 0, ZoneOffset.ofHours(8));

    private static QuotesRecord row(QuoteStatus status) {
        QuotesRecord r = QUOTES.newRecord();
        r.setId(7L);
        r.setStatus(status.name());
        r.setVersion(3);
        return r;
    }

    @Test
    void onlyDraftAndRejectedQuotesAreEditedInPlace() {
        Quote.of(row(QuoteStatus.DRAFT)).requireEditable();
        Quote.of(row(QuoteStatus.REJECTED)).requireEditable();
        assertThatThrownBy(() -> Quote.of(row(QuoteStatus.SENT)).requireEditable())
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.properties()).containsEntry("status", "SENT"));
    }

    @Test
    void aSignedQuoteCannotBeSupersededAndASupersededOneCannotBeSigned() {
        assertThatThrownBy(() -> Quote.of(row(QuoteStatus.SIGNED)).supersede(8L, NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> Quote.of(row(QuoteStatus.STAMPED)).supersede(8L, NOW))
                .isInstanceOf(ConflictException.class);

        QuotesRecord sent = row(QuoteStatus.SENT);
        Quote.of(sent).supersede(8L, NOW);
        assertThat(sent.getStatus()).isEqualTo("SUPERSEDED");
        assertThat(sent.getSupersededBy()).isEqualTo(8L);
        assertThatThrownBy(() -> Quote.of(sent).sign(NOW, NOW.plusHours(2))).isInstanceOf(ConflictException.class);
        assertThat(sent.getSignedAt()).isNull();
    }

    @Test
    void signingASentQuoteSetsTheStampDeadlineAndOnlyASignedQuoteIsStamped() {
        QuotesRecord r = row(QuoteStatus.SENT);
        assertThatThrownBy(() -> Quote.of(r).stamp(NOW, 1L, null)).isInstanceOf(ConflictException.class);
        Quote.of(r).sign(NOW, NOW.plusHours(2));
        assertThat(r.getStatus()).isEqualTo("SIGNED");
        assertThat(r.getStampDueAt()).isEqualTo(NOW.plusHours(2));
        assertThatThrownBy(() -> Quote.of(r).sign(NOW, NOW)).isInstanceOf(ConflictException.class);
        Quote.of(r).stamp(NOW.plusHours(1), 1L, "FIN-1");
        assertThat(r.getStatus()).isEqualTo("STAMPED");
        assertThat(r.getStampReference()).isEqualTo("FIN-1");
    }

    @Test
    void submittingWithoutStepsApprovesAtOnceAndTheLastApprovalApproves() {
        QuotesRecord direct = row(QuoteStatus.DRAFT);
        Quote.of(direct).submit(false, NOW);
        assertThat(direct.getStatus()).isEqualTo("APPROVED");
        assertThatThrownBy(() -> Quote.of(direct).submit(false, NOW)).isInstanceOf(ConflictException.class);

        QuotesRecord routed = row(QuoteStatus.REJECTED);
        Quote.of(routed).submit(true, NOW);
        assertThat(routed.getStatus()).isEqualTo("PENDING_APPROVAL");
        Quote.of(routed).decided(true, true, NOW);
        assertThat(routed.getStatus()).as("more steps to go").isEqualTo("PENDING_APPROVAL");
        Quote.of(routed).decided(true, false, NOW);
        assertThat(routed.getStatus()).isEqualTo("APPROVED");
        assertThatThrownBy(() -> Quote.of(routed).decided(false, false, NOW)).isInstanceOf(ConflictException.class);
    }

    private static Actor actor(long id, Role... roles) {
        return new Actor(id, "u" + id, "U" + id, Set.of(roles), null);
    }

    private static QuoteApprovalsRecord step(ApprovalRole role, ApprovalStatus status, Long approver) {
        QuoteApprovalsRecord r = QUOTE_APPROVALS.newRecord();
        r.setRole(role.name());
        r.setStatus(status.name());
        r.setApproverId(approver);
        return r;
    }

    @Test
    void anApprovalStepIsDecidedByItsApproverNeverByTheOwner() {
        long owner = 1;
        Actor manager = actor(2, Role.MANAGER);
        Actor finance = actor(3, Role.FINANCE);
        QuoteApprovalsRecord managerStep = step(ApprovalRole.MANAGER, ApprovalStatus.PENDING, 2L);
        assertThat(Approval.of(managerStep).mayBeDecidedBy(actor(owner, Role.EXECUTIVE), owner))
                .isFalse();
        assertThat(Approval.of(managerStep).mayBeDecidedBy(finance, owner)).isFalse();
        assertThatThrownBy(() -> Approval.of(managerStep).decide(finance, owner, true, null, NOW))
                .isInstanceOf(ForbiddenException.class);
        Approval.of(managerStep).decide(manager, owner, true, " 同意 ", NOW);
        assertThat(managerStep.getStatus()).isEqualTo("APPROVED");
        assertThat(managerStep.getComment()).isEqualTo("同意");
        assertThatThrownBy(() -> Approval.of(managerStep).decide(manager, owner, false, null, NOW))
                .isInstanceOf(ConflictException.class);

        QuoteApprovalsRecord financeStep = step(ApprovalRole.FINANCE, ApprovalStatus.WAITING, null);
        Approval.of(financeStep).open(NOW);
        assertThat(financeStep.getStatus()).isEqualTo("PENDING");
        assertThat(Approval.of(financeStep).mayBeDecidedBy(manager, owner)).isFalse();
        assertThat(Approval.of(financeStep).mayBeDecidedBy(finance, owner)).isTrue();
    }
}
