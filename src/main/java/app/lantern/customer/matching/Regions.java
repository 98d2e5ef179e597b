package app.lantern.customer.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chinese administrative-region names as they prefix company names ("广东省深圳市…", "深圳…", "宜宾…") and the
 * one-character abbreviations short names use instead ("粤高速", "深康佳", "沪…").
 */
final class Regions {

    private Regions() {}

    private static final String[] PROVINCES = {
        "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南",
        "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门"
    };

    private static final String[] PROVINCE_SUFFIXES = {"壮族自治区", "回族自治区", "维吾尔自治区", "维吾尔族自治区", "自治区", "特别行政区", "省", "市"};

    /** Prefecture-level cities and autonomous prefectures by province, without the 市/州 suffix. */
    private static final String[] CITIES = {
        "河北:石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水",
        "山西:太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁",
        "内蒙古:呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 兴安 锡林郭勒 阿拉善",
        "辽宁:沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛",
        "吉林:长春 吉林 四平 辽源 通化 白山 松原 白城 延边",
        "黑龙江:哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 大兴安岭",
        "江苏:南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 昆山 江阴 张家港 常熟 宜兴",
        "浙江:杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 义乌",
        "安徽:合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城",
        "福建:福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 晋江",
        "江西:南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶",
        "山东:济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 莱芜",
        "河南:郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源",
        "湖北:武汉 黄石 十堰 宜昌 襄阳 襄樊 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 仙桃 潜江 天门",
        "湖南:长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西",
        "广东:广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮 顺德",
        "广西:南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左",
        "海南:海口 三亚 三沙 儋州",
        "四川:成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 阿坝 甘孜 凉山",
        "贵州:贵阳 六盘水 遵义 安顺 毕节 铜仁 黔西南 黔东南 黔南",
        "云南:昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 楚雄 红河 文山 西双版纳 大理 德宏 怒江 迪庆",
        "西藏:拉萨 日喀则 昌都 林芝 山南 那曲 阿里",
        "陕西:西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛",
        "甘肃:兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 临夏 甘南",
        "青海:西宁 海东 海西 海北 海南州 黄南 果洛 玉树",
        "宁夏:银川 石嘴山 吴忠 固原 中卫",
        "新疆:乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉 博尔塔拉 巴音郭楞 阿克苏 克孜勒苏 喀什 和田 伊犁 塔城 阿勒泰 石河子",
        "上海:浦东"
    };

    private static final String[] CITY_SUFFIXES = {"市", "地区", "自治州", "州", "盟", "区", "县"};

    /**
     * The country a state-owned group's name starts with: kept in the core (中国平安 ≠ 平安), but short names may leave
     * it out (航发控制 of 中国航发动力控制, 国货航 of 中国国际货运航空).
     */
    static final String COUNTRY = "中国";

    /** Country-level prefixes that carry no identity ("中国…" is kept: 中国平安 ≠ 平安). */
    private static final String[] NATIONAL = {"中华人民共和国"};

    /** Every region prefix, longest first, each with and without its administrative suffix → canonical region. */
    private static final java.util.Map<String, String> CANONICAL = new java.util.HashMap<>();

    private static final java.util.Map<String, String> PROVINCE_OF = new java.util.HashMap<>();
    private static final java.util.Map<Character, String> ABBREVIATED = new java.util.HashMap<>();
    private static final java.util.Map<String, Character> ABBREVIATION_OF = new java.util.HashMap<>();
    private static final java.util.Map<Character, List<String>> BY_FIRST = new java.util.HashMap<>();

    static {
        for (String p : PROVINCES) {
            CANONICAL.put(p, p);
            PROVINCE_OF.put(p, p);
            for (String s : PROVINCE_SUFFIXES) {
                CANONICAL.put(p + s, p);
            }
        }
        for (String line : CITIES) {
            String province = line.substring(0, line.indexOf(':'));
            for (String c : line.substring(line.indexOf(':') + 1).split(" ")) {
                CANONICAL.putIfAbsent(c, c);
                PROVINCE_OF.putIfAbsent(c, province);
                for (String s : CITY_SUFFIXES) {
                    CANONICAL.putIfAbsent(c + s, c);
                }
            }
        }
        for (String n : NATIONAL) {
            CANONICAL.put(n, "");
        }
        String[][] abbreviations = {
            {"京", "北京"}, {"津", "天津"}, {"沪", "上海"}, {"渝", "重庆"}, {"冀", "河北"}, {"晋", "山西"}, {"蒙", "内蒙古"},
            {"辽", "辽宁"}, {"吉", "吉林"}, {"黑", "黑龙江"}, {"苏", "江苏"}, {"浙", "浙江"}, {"皖", "安徽"}, {"闽", "福建"},
            {"赣", "江西"}, {"鲁", "山东"}, {"豫", "河南"}, {"鄂", "湖北"}, {"湘", "湖南"}, {"粤", "广东"}, {"桂", "广西"},
            {"琼", "海南"}, {"川", "四川"}, {"蜀", "四川"}, {"贵", "贵州"}, {"黔", "贵州"}, {"云", "云南"}, {"滇", "云南"},
            {"藏", "西藏"}, {"陕", "陕西"}, {"秦", "陕西"}, {"甘", "甘肃"}, {"陇", "甘肃"}, {"青", "青海"}, {"宁", "宁夏"},
            {"新", "新疆"}, {"港", "香港"}, {"澳", "澳门"}, {"台", "台湾"}, {"深", "深圳"}, {"穗", "广州"}, {"甬", "宁波"},
            {"蓉", "成都"}, {"厦", "厦门"}, {"锡", "无锡"}
        };
        for (String[] a : abbreviations) {
            ABBREVIATED.put(a[0].charAt(0), a[1]);
            ABBREVIATION_OF.putIfAbsent(a[1], a[0].charAt(0));
        }
        List<String> sorted = new ArrayList<>(CANONICAL.keySet());
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        for (String p : sorted) {
            BY_FIRST.computeIfAbsent(p.charAt(0), k -> new ArrayList<>()).add(p);
        }
    }

    /** The longest region name {@code s} starts with, or null. */
    static String prefixOf(String s) {
        if (s.isEmpty()) {
            return null;
        }
        List<String> candidates = BY_FIRST.get(s.charAt(0));
        if (candidates == null) {
            return null;
        }
        for (String p : candidates) {
            if (s.startsWith(p)) {
                return p;
            }
        }
        return null;
    }

    /** The canonical region (province or city without suffix) of a prefix found by {@link #prefixOf}. */
    static String canonical(String prefix) {
        return CANONICAL.get(prefix);
    }

    /** The one-character abbreviation of a canonical region (广东 → 粤), or null. */
    static Character abbreviationOf(String region) {
        return ABBREVIATION_OF.get(region);
    }

    /** The region a one-character abbreviation stands for, or null. */
    static String abbreviated(char c) {
        return ABBREVIATED.get(c);
    }

    /**
     * Whether two canonical regions can name the same company's seat: equal, or a city inside the other, a province.
     * Null (no region) is compatible with everything.
     */
    static boolean compatible(String a, String b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty() || a.equals(b)) {
            return true;
        }
        boolean aProvince = a.equals(PROVINCE_OF.get(a));
        boolean bProvince = b.equals(PROVINCE_OF.get(b));
        if (aProvince && !bProvince) {
            return a.equals(PROVINCE_OF.get(b));
        }
        if (bProvince && !aProvince) {
            return b.equals(PROVINCE_OF.get(a));
        }
        return false;
    }

    static boolean isRegion(String s) {
        String p = prefixOf(s);
        return p != null && p.length() == s.length();
    }
}
