package app.lantern.pipeline;

import app.lantern.customer.ImportBatch;
import app.lantern.shared.Phrase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an opportunity from a row of a history import: status from Chinese or English words (or from a closing stage
 * value such as Closed Won), the stage from the importer's stage mapping or by name in the row's pipeline, the amount
 * and the times as given; every problem is named with its column.
 */
final class OpportunityImportRows {

    /** Header names proposing each field, as the exports of other CRMs write them. */
    static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put(
                "externalId",
                List.of("Opportunity ID", "Deal ID", "Record ID", "Deal - ID", "ID", "商机编号", "商机ID", "外部编号", "编号"));
        HEADERS.put(
                "name",
                List.of(
                        "Opportunity Name",
                        "Deal Name",
                        "Deal - Title",
                        "Title",
                        "Name",
                        "商机名称",
                        "机会名称",
                        "项目名称",
                        "商机"));
        HEADERS.put(
                "customer",
                List.of(
                        "Account Name",
                        "Company",
                        "Company Name",
                        "Associated Company",
                        "Organization",
                        "Deal - Organization",
                        "Organization Name",
                        "客户名称",
                        "客户",
                        "公司名称"));
        HEADERS.put(
                "customerExternalId",
                List.of("Account ID", "Company ID", "Organization ID", "Deal - Organization ID", "客户编号", "客户ID"));
        HEADERS.put(
                "owner",
                List.of(
                        "Opportunity Owner",
                        "Deal Owner",
                        "Owner",
                        "Deal - Owner",
                        "Owner Name",
                        "负责人",
                        "销售",
                        "所属销售",
                        "商机负责人"));
        HEADERS.put("pipeline", List.of("Pipeline", "Deal - Pipeline", "销售管道", "管道", "销售流程"));
        HEADERS.put("stage", List.of("Stage", "Deal Stage", "Deal - Stage", "阶段", "销售阶段", "商机阶段"));
        HEADERS.put("amount", List.of("Amount", "Deal - Value", "Value", "Deal Amount", "金额", "商机金额", "预计金额", "合同金额"));
        HEADERS.put(
                "createdAt",
                List.of(
                        "Created Date",
                        "Create Date",
                        "Created Time",
                        "Deal - Deal created",
                        "Created",
                        "Created At",
                        "创建时间",
                        "创建日期"));
        HEADERS.put(
                "expectedClose",
                List.of(
                        "Close Date",
                        "Closing Date",
                        "Expected Close Date",
                        "Deal - Expected close date",
                        "预计成交日期",
                        "预计签约日期",
                        "预计关闭日期"));
        HEADERS.put("status", List.of("Status", "Deal - Status", "Won/Lost", "状态", "商机状态", "赢单/输单"));
        HEADERS.put(
                "closedAt",
                List.of(
                        "Closed Date",
                        "Actual Close Date",
                        "Deal - Close time",
                        "Close Time",
                        "Closed On",
                        "成交日期",
                        "关闭日期",
                        "实际成交日期",
                        "赢单/输单日期"));
        HEADERS.put(
                "lossReason",
                List.of(
                        "Loss Reason",
                        "Closed Lost Reason",
                        "Reason For Loss",
                        "Deal - Lost reason",
                        "Lost Reason",
                        "输单原因",
                        "丢单原因"));
    }

    /** A valid row: the opportunity it describes (owner and customer resolved later by the batch). */
    record Deal(
            ImportBatch.Row row,
            String externalId,
            String name,
            long pipelineId,
            long stageId,
            OpportunityStatus status,
            BigDecimal amount,
            OffsetDateTime createdAt,
            LocalDate expectedClose,
            OffsetDateTime closedAt,
            String lossReason) {}

    private final ImportBatch batch;
    private final ImportStages stages;

    OpportunityImportRows(ImportBatch batch, ImportStages stages) {
        this.batch = batch;
        this.stages = stages;
    }

    /** The deal a row describes; null with {@code problems} filled when it cannot be imported. */
    Deal read(ImportBatch.Row row, List<Phrase> problems) {
        for (String f : List.of("name", "stage", "createdAt")) {
            if (!row.has(f)) {
                problems.add(batch.problem(row, f, "blank"));
            }
        }
        if (!row.has("customer") && !row.has("customerExternalId")) {
            problems.add(batch.problem(row, "customer", "blank"));
        }
        OpportunityStatus status = status(row, problems);
        ImportStages.Stage stage = row.has("stage") ? stage(row, status, problems) : null;
        BigDecimal amount = null;
        if (row.has("amount")) {
            amount = batch.amount(row, "amount");
            if (amount == null || amount.signum() < 0 || amount.precision() - amount.scale() > 12) {
                problems.add(batch.problem(row, "amount", "not-an-amount"));
            }
        }
        OffsetDateTime createdAt = time(row, "createdAt", problems);
        if (createdAt != null && createdAt.isAfter(batch.now())) {
            problems.add(batch.problem(row, "createdAt", "future"));
        }
        LocalDate expectedClose = null;
        if (row.has("expectedClose")) {
            expectedClose = batch.date(row, "expectedClose");
            if (expectedClose == null) {
                problems.add(batch.problem(row, "expectedClose", "not-a-date"));
            }
        }
        OffsetDateTime closedAt = time(row, "closedAt", problems);
        if (status != null && status != OpportunityStatus.OPEN && closedAt == null && !row.has("closedAt")) {
            closedAt = expectedClose == null ? null : batch.time(row, "expectedClose");
            if (closedAt == null) {
                problems.add(batch.problem(row, "closedAt", "closed-without-date"));
            }
        }
        if (closedAt != null && createdAt != null && closedAt.isBefore(createdAt)) {
            problems.add(batch.problem(row, "closedAt", "before-created"));
        }
        if (status == OpportunityStatus.WON && amount == null && !row.has("amount")) {
            problems.add(batch.problem(row, "amount", "won-without-amount"));
        }
        for (String f : List.of("name", "externalId", "lossReason")) {
            int max = f.equals("lossReason") ? 500 : f.equals("name") ? 200 : 100;
            if (row.has(f) && row.get(f).length() > max) {
                problems.add(batch.problem(row, f, "too-long-cell"));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Deal(
                row,
                row.get("externalId"),
                row.get("name"),
                stage.pipelineId(),
                stage.id(),
                status,
                amount,
                createdAt,
                expectedClose,
                status == OpportunityStatus.OPEN ? null : closedAt,
                status == OpportunityStatus.LOST ? row.get("lossReason") : null);
    }

    private OffsetDateTime time(ImportBatch.Row row, String field, List<Phrase> problems) {
        if (!row.has(field)) {
            return null;
        }
        OffsetDateTime t = batch.time(row, field);
        if (t == null) {
            problems.add(batch.problem(row, field, "not-a-date"));
        }
        return t;
    }

    /** The status column's word, else a closing stage value's, else open; null (a problem) for an unknown word. */
    private OpportunityStatus status(ImportBatch.Row row, List<Phrase> problems) {
        if (row.has("status")) {
            OpportunityStatus s = DealStatusWords.of(row.get("status"));
            if (s == null) {
                problems.add(batch.problem(row, "status", "unknown-status"));
            }
            return s;
        }
        return DealStatusWords.closes(row.get("stage")) ? DealStatusWords.of(row.get("stage")) : OpportunityStatus.OPEN;
    }

    /**
     * The importer's mapping for the stage value; else the stage of that name in the row's pipeline; else, for a
     * closing value (Closed Won), the pipeline's last stage for a won deal and its first for a lost one.
     */
    private ImportStages.Stage stage(ImportBatch.Row row, OpportunityStatus status, List<Phrase> problems) {
        Long mapped = batch.stage(row.get("stage"));
        if (mapped != null && stages.stage(mapped) != null) {
            return stages.stage(mapped);
        }
        Long pipeline = stages.pipeline(row.get("pipeline"));
        if (pipeline == null) {
            problems.add(batch.problem(row, "pipeline", "unknown-pipeline"));
            return null;
        }
        ImportStages.Stage named = stages.named(pipeline, row.get("stage"));
        if (named == null && DealStatusWords.closes(row.get("stage"))) {
            named = status == OpportunityStatus.WON ? stages.last(pipeline) : stages.first(pipeline);
        }
        if (named == null) {
            problems.add(batch.problem(row, "stage", "unknown-stage"));
        }
        return named;
    }
}
