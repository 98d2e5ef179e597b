package app.lantern.activity;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The activity types and durations of exports, in Chinese and English: Salesforce task and event types, HubSpot
 * engagement types (CALL, MEETING, EMAIL, NOTE), Pipedrive activity types (call, meeting, email, lunch, deadline, task);
 * durations as minutes ({@code 30}, {@code 30 min}, {@code 90分钟}), hours ({@code 1.5h}, {@code 1.5小时}) or clock
 * times ({@code 1:30}, {@code 00:05:12}).
 */
final class ActivityImportCells {

    /** Header names proposing each field, as the exports of other CRMs write them. */
    static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put(
                "externalId",
                List.of(
                        "Activity ID",
                        "Task ID",
                        "Event ID",
                        "Engagement ID",
                        "Record ID",
                        "Activity - ID",
                        "ID",
                        "活动编号",
                        "跟进记录编号",
                        "记录编号",
                        "编号"));
        HEADERS.put(
                "type",
                List.of(
                        "Type",
                        "Activity Type",
                        "Task Type",
                        "Activity - Type",
                        "Engagement Type",
                        "Task Subtype",
                        "类型",
                        "活动类型",
                        "跟进方式",
                        "跟进类型"));
        HEADERS.put(
                "owner",
                List.of(
                        "Assigned To",
                        "Activity Owner",
                        "Owner",
                        "Activity - Assigned to user",
                        "Activity assigned to",
                        "HubSpot Owner",
                        "负责人",
                        "销售",
                        "跟进人"));
        HEADERS.put(
                "customer",
                List.of(
                        "Account Name",
                        "Company",
                        "Company Name",
                        "Associated Company",
                        "Organization",
                        "Activity - Organization",
                        "Related To",
                        "客户名称",
                        "客户"));
        HEADERS.put(
                "customerExternalId",
                List.of("Account ID", "Company ID", "Organization ID", "Activity - Organization ID", "客户编号", "客户ID"));
        HEADERS.put(
                "opportunityExternalId",
                List.of(
                        "Opportunity ID",
                        "Deal ID",
                        "Associated Deal ID",
                        "Activity - Deal ID",
                        "Associated Deal",
                        "商机编号",
                        "商机ID"));
        HEADERS.put(
                "occurredAt",
                List.of(
                        "Date",
                        "Activity Date",
                        "Due Date",
                        "Start",
                        "Start Date",
                        "Activity - Due date",
                        "Activity date",
                        "Occurred At",
                        "发生时间",
                        "活动时间",
                        "跟进时间",
                        "拜访时间",
                        "日期"));
        HEADERS.put(
                "createdAt",
                List.of(
                        "Created Date",
                        "Create Date",
                        "Created",
                        "Activity - Add time",
                        "Add time",
                        "Created At",
                        "创建时间",
                        "录入时间"));
        HEADERS.put(
                "duration",
                List.of(
                        "Duration",
                        "Duration (minutes)",
                        "Activity - Duration",
                        "Call Duration",
                        "Duration Minutes",
                        "时长",
                        "时长（分钟）",
                        "持续时间"));
        HEADERS.put(
                "outcome",
                List.of(
                        "Outcome",
                        "Description",
                        "Comments",
                        "Notes",
                        "Note",
                        "Activity - Note",
                        "Body",
                        "Call Notes",
                        "结果",
                        "跟进内容",
                        "内容",
                        "备注",
                        "沟通结果"));
    }

    private static final Map<String, ActivityType> TYPES = new HashMap<>();
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,3}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern UNITS = Pattern.compile(
            "(?:(\\d+(?:\\.\\d+)?)\\s*(?:h|hr|hrs|hour|hours|小时|时))?\\s*(?:(\\d+(?:\\.\\d+)?)\\s*(?:m|min|mins|minute|minutes|分钟|分))?");

    static {
        types(ActivityType.VISIT, "拜访", "上门拜访", "面访", "客户拜访", "visit", "sitevisit", "customervisit", "onsitevisit");
        types(ActivityType.CALL, "电话", "通话", "电话沟通", "call", "phonecall", "loggedcall", "calls", "outboundcall");
        types(ActivityType.DEMO, "演示", "产品演示", "demo", "productdemo", "demonstration");
        types(ActivityType.PROPOSAL, "方案", "提案", "方案讲解", "报价", "proposal", "quote", "presentation");
        types(ActivityType.OBJECTION_HANDLING, "异议处理", "objectionhandling", "objection", "negotiation", "谈判");
        types(ActivityType.MEETING, "会议", "会面", "meeting", "event", "meetings", "lunch", "午餐");
        types(ActivityType.EMAIL, "邮件", "电子邮件", "email", "e-mail", "emails", "mail", "sentemail");
        types(ActivityType.WECHAT, "微信", "企业微信", "wechat", "weixin", "message", "im");
        types(ActivityType.OTHER, "其他", "其它", "任务", "备注", "other", "task", "todo", "note", "deadline");
    }

    private ActivityImportCells() {}

    private static void types(ActivityType type, String... words) {
        for (String w : words) {
            TYPES.put(w, type);
        }
    }

    /** The type a cell names (a type's code such as VISIT too), or null. */
    static ActivityType type(String cell) {
        String w = Normalizer.normalize(cell, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-/.]", "");
        ActivityType t = TYPES.get(w);
        if (t != null) {
            return t;
        }
        for (ActivityType any : ActivityType.values()) {
            if (any.name().replace("_", "").equalsIgnoreCase(w)) {
                return any;
            }
        }
        return null;
    }

    /** Minutes a duration cell names, or null. */
    static Integer minutes(String cell) {
        String s = Normalizer.normalize(cell, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        Matcher clock = CLOCK.matcher(s);
        if (clock.matches()) {
            int seconds = clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3));
            return Integer.parseInt(clock.group(1)) * 60 + Integer.parseInt(clock.group(2)) + (seconds >= 30 ? 1 : 0);
        }
        if (s.matches("\\d+(\\.\\d+)?")) {
            return (int) Math.round(Double.parseDouble(s));
        }
        Matcher units = UNITS.matcher(s);
        if (s.isEmpty() || !units.matches() || (units.group(1) == null && units.group(2) == null)) {
            return null;
        }
        double hours = units.group(1) == null ? 0 : Double.parseDouble(units.group(1));
        double minutes = units.group(2) == null ? 0 : Double.parseDouble(units.group(2));
        return (int) Math.round(hours * 60 + minutes);
    }
}
