package app.lantern.customer.matching;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A company name reduced to what identifies the company. {@code 深圳市振业(集团)股份有限公司} and {@code 深振业Ａ} both
 * reduce to the core {@code 振业} in region 深圳; {@code *ST国华} loses its risk marker, {@code 万  科Ａ} its width and
 * share class.
 *
 * @param normalized the whole name, NFKC, lower case, without spaces, punctuation or brackets
 * @param stripped   without share-class/ST markers and legal-form suffixes, region prefix kept
 * @param core       without the region prefix as well
 * @param region     the canonical region the name starts with (province or city), or null
 * @param abbreviatedCore for a name starting with a one-character region abbreviation (粤, 深, 沪…), the rest; else null
 * @param abbreviatedRegion the region that abbreviation stands for, or null
 * @param regionForms the name with each region prefix shortened to one character as short names do
 *                    ({@code 吉林电力} → {@code 吉电力}, {@code 广东省…} → {@code 粤…}, {@code 广西河池化工} → {@code 河化工})
 * @param literal     without markers and region prefix, every other word kept as written ({@code 长青集团股份有限公司}
 *                    of {@code 广东长青(集团)股份有限公司})
 * @param countryKept for a name with the country in brackets, the core with it kept ({@code 视觉中国文化发展} of
 *                    {@code 视觉(中国)文化发展股份有限公司}: some short names keep it); else null
 * @param complete    whether the name ends with a legal form naming a company (…有限公司, …公司, Ltd): it is the
 *                    registered name, which says everything the company is called, not an abbreviation
 * @param words       for a name written in Latin script at least in part, its identifying words ({@link LatinNames});
 *                    empty for a Chinese-only name
 */
public record CompanyName(
        String normalized,
        String stripped,
        String core,
        String region,
        String abbreviatedCore,
        String abbreviatedRegion,
        List<String> regionForms,
        String literal,
        String countryKept,
        boolean complete,
        List<String> words) {

    private static final Pattern BRACKETS = Pattern.compile("[(\\[{【〔《<]([^)\\]}】〕》>]*)[)\\]}】〕》>]");
    private static final Pattern MARKERS = Pattern.compile("^(s\\*st|\\*st|sst|st|s|n|c|xd|xr|dr)(?=\\p{IsHan})");
    private static final Pattern COMPLETE =
            Pattern.compile("(公司|limited|ltd|inc|incorporated|corp|corporation|company|co|plc|llc|gmbh|ag|sa)$");
    private static final Pattern SHARE_CLASS = Pattern.compile("(?<=\\p{IsHan})(-?[ab]|-[a-z]{1,2})$");

    /** Legal forms and group words, longest first; removed from the end while something identifying remains. */
    private static final List<String> LEGAL_FORMS = List.of(
            "股份有限责任公司",
            "股份有限公司",
            "有限责任公司",
            "股份合作公司",
            "集团有限公司",
            "集团股份公司",
            "控股有限公司",
            "有限公司",
            "股份公司",
            "集团公司",
            "控股公司",
            "责任公司",
            "总公司",
            "公司",
            "集团",
            "控股",
            "股份",
            "有限",
            "corporationlimited",
            "companylimited",
            "colimited",
            "coltd",
            "limited",
            "ltd",
            "incorporated",
            "inc",
            "corporation",
            "corp",
            "company",
            "group",
            "holdings",
            "holding",
            "plc",
            "llc",
            "gmbh");

    /** Bracketed words that carry no identity: legal forms and "(中国)" style regions are dropped with their brackets. */
    private static final List<String> BRACKET_NOISE =
            List.of("集团", "控股", "股份", "有限", "中国", "china", "group", "holdings");

    public static CompanyName of(String raw) {
        String s = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC)
                .toLowerCase(java.util.Locale.ROOT);
        s = s.replace('　', ' ').strip();
        String written = unmark(compact(s));
        Bracketed bracketed = Bracketed.in(s);
        s = removeNoiseBrackets(s);
        String compact = compact(s);
        String unmarked = unmark(compact);
        // 集团 inside a name only marks the group level (徐工集团工程机械): the same company as 徐工工程机械
        if (unmarked.length() > 4) {
            unmarked = unmarked.charAt(0) + unmarked.substring(1).replace("集团", "");
        }
        String stripped = stripLegalForms(unmarked);
        String core = stripped;
        String region = null;
        String prefix;
        List<String> regionForms = new java.util.ArrayList<>();
        int front = 0;
        while ((prefix = Regions.prefixOf(core)) != null
                && core.length() - prefix.length() >= 2
                && !GenericWords.isGeneric(GenericWords.strip(core.substring(prefix.length())))) {
            String canonical = Regions.canonical(prefix);
            if (region == null && canonical != null && !canonical.isEmpty()) {
                region = canonical;
            }
            String rest = stripLegalForms(core.substring(prefix.length()));
            if (canonical != null && !canonical.isEmpty()) {
                regionForms.add(canonical.charAt(0) + rest);
                Character abbreviation = Regions.abbreviationOf(canonical);
                if (abbreviation != null && abbreviation != canonical.charAt(0)) {
                    regionForms.add(abbreviation + rest);
                }
            }
            core = rest;
            front += prefix.length();
        }
        if (region == null) {
            // 建设工业集团(云南): a region in brackets seats the company as a prefix would
            region = bracketed.region();
        }
        String literal = written.startsWith(unmarked.substring(0, front)) ? written.substring(front) : written;
        String countryKept = bracketed.country() ? stripLegalForms(literal) : null;
        String abbreviatedCore = null;
        String abbreviatedRegion = null;
        if (region == null && core.length() >= 3) {
            String r = Regions.abbreviated(core.charAt(0));
            if (r != null) {
                abbreviatedCore = stripLegalForms(core.substring(1));
                abbreviatedRegion = r;
            }
        }
        return new CompanyName(
                compact,
                stripped,
                core,
                region,
                abbreviatedCore,
                abbreviatedRegion,
                List.copyOf(regionForms),
                literal,
                countryKept,
                COMPLETE.matcher(unmarked).find(),
                LatinNames.isLatin(unmarked) ? LatinNames.words(raw) : List.of());
    }

    /** NFKC, lower case, letters and digits only. */
    static String compact(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static String unmark(String compact) {
        return SHARE_CLASS.matcher(MARKERS.matcher(compact).replaceFirst("")).replaceFirst("");
    }

    /** What brackets say about a name: the region they seat it in (建设工业(云南)), and whether they hold the country. */
    private record Bracketed(String region, boolean country) {

        static Bracketed in(String s) {
            String region = null;
            boolean country = false;
            Matcher m = BRACKETS.matcher(s);
            while (m.find()) {
                String inner = compact(m.group(1));
                country |= inner.equals(Regions.COUNTRY);
                if (region == null
                        && Regions.isRegion(inner)
                        && !Regions.canonical(inner).isEmpty()) {
                    region = Regions.canonical(inner);
                }
            }
            return new Bracketed(region, country);
        }
    }

    private static String removeNoiseBrackets(String s) {
        Matcher m = BRACKETS.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String inner = compact(m.group(1));
            boolean noise = inner.isEmpty() || BRACKET_NOISE.contains(inner) || Regions.isRegion(inner);
            m.appendReplacement(sb, noise ? "" : Matcher.quoteReplacement(inner));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String stripLegalForms(String s) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String form : LEGAL_FORMS) {
                if (s.endsWith(form) && s.length() - form.length() >= 2) {
                    s = s.substring(0, s.length() - form.length());
                    changed = true;
                    break;
                }
            }
        }
        return s;
    }

    /** The region this name is anchored to, written out or abbreviated. */
    public String anyRegion() {
        return region != null ? region : abbreviatedRegion;
    }
}
