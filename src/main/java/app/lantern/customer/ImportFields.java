package app.lantern.customer;

import app.lantern.shared.ValidationException;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields a column of an import can fill, the header names that propose them (Chinese, English and the column names
 * of common CRM exports: Salesforce, HubSpot, Zoho, Pipedrive), and the rules of a confirmed mapping {column index →
 * field}.
 */
final class ImportFields {

    static final List<String> FIELDS = List.of(
            "name",
            "shortName",
            "creditCode",
            "industry",
            "province",
            "city",
            "address",
            "size",
            "source",
            "tags",
            "status",
            "phone",
            "email",
            "website",
            "owner",
            "createdAt",
            "contactName",
            "contactTitle",
            "contactMobile",
            "contactEmail");

    private static final Map<String, String> SYNONYMS = new LinkedHashMap<>();

    static {
        synonyms(
                "name",
                "客户名称",
                "公司名称",
                "企业名称",
                "单位名称",
                "名称",
                "客户",
                "公司",
                "公司全称",
                "客户全称",
                "name",
                "company",
                "customer",
                "companyname",
                "customername",
                "account",
                "accountname",
                "organization",
                "organisation",
                "organizationname",
                "organisationname",
                "orgname");
        synonyms("shortName", "简称", "客户简称", "公司简称", "shortname", "short", "abbreviation");
        synonyms(
                "creditCode",
                "统一社会信用代码",
                "信用代码",
                "社会信用代码",
                "税号",
                "creditcode",
                "uscc",
                "taxid",
                "unifiedsocialcreditcode");
        synonyms("industry", "行业", "所属行业", "industry", "sector", "organizationindustry");
        synonyms(
                "province",
                "省份",
                "省",
                "所在省份",
                "province",
                "state",
                "billingstate",
                "billingstateprovince",
                "billingprovince",
                "stateregion",
                "stateprovince");
        synonyms("city", "城市", "市", "所在城市", "city", "billingcity", "shippingcity");
        synonyms(
                "address",
                "地址",
                "详细地址",
                "注册地址",
                "办公地址",
                "address",
                "billingstreet",
                "billingaddress",
                "street",
                "streetaddress",
                "officelocation",
                "organizationaddress");
        synonyms("size", "规模", "企业规模", "公司规模", "size", "companysize");
        synonyms("source", "来源", "客户来源", "source", "leadsource", "accountsource");
        synonyms("tags", "标签", "tags", "tag", "labels");
        synonyms("status", "状态", "客户状态", "status");
        synonyms("phone", "电话", "公司电话", "座机", "总机", "phone", "tel", "telephone", "phonenumber", "companyphone");
        synonyms("email", "邮箱", "公司邮箱", "电子邮件", "email", "mail", "emailaddress", "companyemail");
        synonyms("website", "网站", "官网", "网址", "website", "url", "web", "companydomainname", "domain");
        synonyms(
                "owner",
                "负责人",
                "客户负责人",
                "销售",
                "所属销售",
                "归属人",
                "owner",
                "accountowner",
                "organizationowner",
                "companyowner",
                "contactowner",
                "salesrep",
                "assignedto");
        synonyms(
                "createdAt",
                "创建时间",
                "建档时间",
                "录入时间",
                "创建日期",
                "createdat",
                "created",
                "createdate",
                "creationdate",
                "createddate",
                "createdtime",
                "organizationcreated");
        synonyms("contactName", "联系人", "联系人姓名", "contact", "contactname", "primarycontact", "contactperson");
        synonyms("contactTitle", "职务", "职位", "联系人职务", "title", "position", "jobtitle");
        synonyms("contactMobile", "手机", "手机号", "手机号码", "联系人手机", "联系电话", "mobile", "cell", "cellphone", "mobilephone");
        synonyms("contactEmail", "联系人邮箱", "contactemail");
    }

    private ImportFields() {}

    private static void synonyms(String field, String... names) {
        for (String n : names) {
            SYNONYMS.put(n, field);
        }
    }

    /** The field a header names, or null. */
    static String fieldFor(String header) {
        return SYNONYMS.get(normalize(header));
    }

    /** A header as the synonyms hold it: lower case, full-width folded, without spaces and punctuation. */
    static String normalize(String header) {
        if (header == null) {
            return null;
        }
        return Normalizer.normalize(header, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-*:：()（）/.]", "");
    }

    /** The mapping the headers propose: each field from the first column naming it. */
    static Map<String, String> propose(List<String> headers) {
        return propose(headers, ImportFields::fieldFor);
    }

    /** The mapping the headers propose by {@code fieldFor}: each field from the first column naming it. */
    static Map<String, String> propose(List<String> headers, java.util.function.Function<String, String> fieldFor) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String f = fieldFor.apply(headers.get(i));
            if (f != null && !mapping.containsValue(f)) {
                mapping.put(String.valueOf(i), f);
            }
        }
        return mapping;
    }

    /**
     * A confirmed mapping checked against the file's headers: known fields, existing columns, each field once, and one
     * column for the customer name (the only one an import cannot do without).
     */
    static Map<String, String> confirm(Map<String, String> mapping, int columns) {
        return confirm(mapping, columns, FIELDS, List.of("name"));
    }

    /**
     * A confirmed mapping of an import of any kind: its known {@code fields}, existing columns, each field once, and a
     * column for every one of the {@code required} fields.
     */
    static Map<String, String> confirm(
            Map<String, String> mapping, int columns, List<String> fields, List<String> required) {
        Map<String, String> m = new LinkedHashMap<>();
        mapping.forEach((col, field) -> {
            if (field == null || field.isBlank()) {
                return;
            }
            if (!fields.contains(field)) {
                throw ValidationException.field("mapping", "unknown field " + field + "; fields are " + fields);
            }
            int c;
            try {
                c = Integer.parseInt(col.strip());
            } catch (NumberFormatException e) {
                throw ValidationException.field("mapping", "column must be a number (0 is the first column)");
            }
            if (c < 0 || c >= columns) {
                throw ValidationException.field("mapping", "column " + col + " does not exist");
            }
            if (m.containsValue(field)) {
                throw ValidationException.field("mapping", field + " is mapped twice");
            }
            m.put(String.valueOf(c), field);
        });
        if (required.equals(List.of("name")) && !m.containsValue("name")) {
            throw ValidationException.field(
                    "mapping", "no column is mapped to the customer name (name); map the column holding it");
        }
        for (String field : required) {
            if (!m.containsValue(field)) {
                throw ValidationException.field(
                        "mapping", "no column is mapped to " + field + "; map the column holding it");
            }
        }
        return m;
    }
}
