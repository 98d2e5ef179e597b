package app.lantern.quote;

import static lantern.db.Tables.QUOTE_APPROVALS;

import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.notification.Notification;
import app.lantern.notification.Notifications;
import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people what a quote needs from them, through the notification module (stored in the same transaction, delivered
 * on each recipient's channels): finance when a customer signed (2-hour seal SLA), the approver when a quote waits,
 * the rep when the quote was stamped, managers and executives when the weekly report is ready.
 */
@Component
class QuoteNotifier {

    private final Notifications notifications;
    private final Directory directory;
    private final DSLContext db;
    private final Clock clock;

    QuoteNotifier(Notifications notifications, Directory directory, DSLContext db, Clock clock) {
        this.notifications = notifications;
        this.directory = directory;
        this.db = db;
        this.clock = clock;
    }

    @EventListener
    void on(QuoteSigned e) {
        for (UserSummary f : directory.usersWithRole(Role.FINANCE)) {
            notifications.send(new Notification(
                    f.id(),
                    "quote",
                    "客户已签署报价 " + e.number() + "，请盖章",
                    "客户已在线签署报价 **" + e.number() + "**。请在 **" + QuotePdf.formatTime(e.stampDueAt(), clock.getZone())
                            + "** 前加盖公章（2 个工作小时时限）。\n\n[打开报价](/quotes/" + e.quoteId() + ")",
                    "/quotes/" + e.quoteId(),
                    "quote-signed-" + e.quoteId()));
        }
    }

    @EventListener
    void on(QuoteStamped e) {
        notifications.send(new Notification(
                e.ownerId(),
                "quote",
                "报价 " + e.number() + " 已盖章",
                "报价 **" + e.number() + "** 已完成盖章" + (e.external() ? "（财务系统回传）" : "，最终 PDF 带数字签名") + "。",
                "/quotes/" + e.quoteId(),
                "quote-stamped-" + e.quoteId()));
    }

    @EventListener
    void on(QuoteSubmitted e) {
        if (!e.needsApproval()) {
            return;
        }
        var step = db.selectFrom(QUOTE_APPROVALS)
                .where(QUOTE_APPROVALS
                        .QUOTE_ID
                        .eq(e.quoteId())
                        .and(QUOTE_APPROVALS.STATUS.eq(ApprovalStatus.PENDING.name())))
                .fetchAny();
        if (step == null) {
            return;
        }
        List<Long> recipients = step.getApproverId() != null
                ? List.of(step.getApproverId())
                : directory.usersWithRole(Role.FINANCE).stream()
                        .map(UserSummary::id)
                        .toList();
        for (Long r : recipients) {
            notifications.send(new Notification(
                    r,
                    "quote",
                    "有报价等待你审批",
                    "一份报价等待你的审批（第 " + step.getStep() + " 步）。\n\n[去审批](/quotes/" + e.quoteId() + ")",
                    "/quotes/" + e.quoteId(),
                    "quote-approval-" + step.getId() + "-" + r));
        }
    }

    @EventListener
    void on(ApprovalStepOpened e) {
        List<Long> recipients = e.approverId() != null
                ? List.of(e.approverId())
                : directory.usersWithRole(Role.FINANCE).stream()
                        .map(UserSummary::id)
                        .toList();
        for (Long r : recipients) {
            notifications.send(new Notification(
                    r,
                    "quote",
                    "有报价等待你审批",
                    "一份报价已通过上一步审批，等待你的审批。\n\n[去审批](/quotes/" + e.quoteId() + ")",
                    "/quotes/" + e.quoteId(),
                    "quote-approval-" + e.approvalId() + "-" + r));
        }
    }

    @EventListener
    void on(QuoteWeeklyReportReady e) {
        notifications.send(new Notification(
                e.recipientUserId(),
                "quote",
                e.title(),
                e.summary() + "\n\n[查看周报](" + e.link() + ")",
                e.link(),
                "quote-weekly-" + e.weekStart() + "-" + e.recipientUserId()));
    }
}
