package app.lantern.scale;

import java.util.SplittableRandom;

/** Chinese company, person and deal names for generated data: plausible, varied, and the same for the same seed. */
final class ScaleNames {

    static final String[] REGIONS = {"华东", "华南", "华北", "西南", "华中", "西北", "东北"};
    static final String[][] CITIES = {
        {"上海", "上海"}, {"江苏", "南京"}, {"江苏", "苏州"}, {"浙江", "杭州"}, {"浙江", "宁波"}, {"广东", "广州"},
        {"广东", "深圳"}, {"广东", "东莞"}, {"福建", "厦门"}, {"北京", "北京"}, {"天津", "天津"}, {"山东", "青岛"},
        {"山东", "济南"}, {"四川", "成都"}, {"重庆", "重庆"}, {"湖北", "武汉"}, {"湖南", "长沙"}, {"河南", "郑州"},
        {"陕西", "西安"}, {"辽宁", "沈阳"}, {"安徽", "合肥"}, {"云南", "昆明"}
    };
    private static final String[] WORDS = {
        "华", "盛", "恒", "信", "达", "鑫", "瑞", "海", "天", "宏", "泰", "新", "安", "科", "通", "远", "中", "金", "龙",
        "星", "博", "创", "联", "德", "嘉", "润", "启", "明", "卓", "越", "智", "云", "峰", "源", "和", "顺", "丰", "光"
    };
    static final String[][] INDUSTRIES = {
        {"制造业", "机械制造"}, {"制造业", "精密电子"}, {"信息技术", "信息技术"}, {"信息技术", "软件"}, {"零售", "商贸"},
        {"医疗健康", "医疗器械"}, {"金融", "融资租赁"}, {"物流", "供应链管理"}, {"能源", "新能源科技"}, {"教育", "教育科技"},
        {"房地产", "置业"}, {"食品饮料", "食品"}
    };
    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"
    };
    private static final String[] GIVEN = {
        "伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "丽", "建华", "志强", "晓东",
        "海燕", "文博", "嘉怡", "子涵", "宇航", "思远", "雨欣"
    };
    static final String[] TITLES = {"总经理", "采购经理", "IT总监", "财务总监", "运营主管", "技术工程师", "行政经理", "副总裁"};
    static final String[] ROLES = {"DECISION_MAKER", "INFLUENCER", "USER", "GATEKEEPER", "SUPPORTER"};
    private static final String[] DEAL_KINDS = {
        "ERP升级项目", "CRM系统采购", "数据中台建设", "年度运维服务", "智能制造改造", "云迁移项目", "安全合规咨询", "门店数字化", "供应链协同平台", "财务共享中心"
    };
    static final String[] SOURCES = {"展会", "官网咨询", "老客户转介绍", "电话营销", "微信", "招投标"};
    static final String[] SIZES = {"MICRO", "SMALL", "MEDIUM", "LARGE", "ENTERPRISE"};
    static final String[] OUTCOMES = {
        "客户认可方案方向，约定下周技术交流", "对价格有顾虑，需要补充案例", "已确认预算范围，进入内部审批", "关键人出差，改期再约",
        "演示效果良好，客户要求报价", "竞品也在接触，需要强调服务优势", "收集了详细需求，整理后发送纪要", "客户暂缓，季度末再跟进"
    };

    private ScaleNames() {}

    static String company(SplittableRandom r, String city, String[] industry) {
        return city + WORDS[r.nextInt(WORDS.length)] + WORDS[r.nextInt(WORDS.length)] + industry[1] + "有限公司";
    }

    static String person(SplittableRandom r) {
        return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
    }

    static String deal(SplittableRandom r, String shortName) {
        return shortName + DEAL_KINDS[r.nextInt(DEAL_KINDS.length)];
    }

    static String creditCode(SplittableRandom r) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder("91");
        for (int i = 0; i < 16; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
