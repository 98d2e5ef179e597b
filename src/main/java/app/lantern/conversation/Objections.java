package app.lantern.conversation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Objections in customer clauses: keyword rules per category, the naive Bayes classifier for phrasings the rules miss,
 * minus what the clause negates (不是价格的问题, 价格没问题, 不缺预算); then an objection answered and accepted later
 * in the call (那就没问题了, 这样我们就放心了) is dropped as resolved.
 */
final class Objections {

    private static final double NB_THRESHOLD = 0.9;
    private static final Map<ObjectionCategory, Pattern> RULES = new EnumMap<>(ObjectionCategory.class);
    private static final Map<ObjectionCategory, String> TOPIC = new EnumMap<>(ObjectionCategory.class);
    private static final Pattern FILLERS = Pattern.compile("嗯+|呃|啊|那个|就是说|对对对?|喂");
    private static final Pattern ACCEPT = Pattern.compile(
            "(没问题了?|不是问题了|解决了|可以接受|能接受|放心了|不担心了|不担心这个了" + "|那就好|挺好的|那也行|那行|认了|方案可以|这样可以|那可以|那没问题)(?!吗)");
    private static final Pattern AMOUNT = Pattern.compile("[0-9一二两三四五六七八九十百]万");
    private static final Pattern QUESTION = Pattern.compile("吗|呢$|？|\\?");

    static {
        RULES.put(
                ObjectionCategory.PRICE,
                Pattern.compile("太贵|贵了|偏贵|嫌贵|很贵|挺贵|有点贵|说白了就是贵|价格.{0,6}(高|贵|差距)"
                        + "|(报价|价钱|要价).{0,6}(高|贵|离谱|降)|超(出)?(了)?(我们的?)?预算|便宜(点|一点|些)|打(个)?折|折扣|优惠"
                        + "|降一?(点|降)|让一?点|不太值|心里的价位|(费|费用)太贵|涨了|低于.{0,4}万|价钱$|一半价钱|高于市场价|低不少|便宜你们|贵了"
                        + "|领导肯定不批|给的有点高|去掉一些模块"));
        RULES.put(ObjectionCategory.COMPETITOR, Pattern.compile("别家|友商|另外一家|其他供应商|比一比|对比了几家|还要再比较"));
        RULES.put(
                ObjectionCategory.DELIVERY,
                Pattern.compile("实施[^费]{0,6}(太长|太慢|等不起|长)|主要是时间|赶在.{0,8}前|交付(时间|周期)?.{0,6}(保证|太长|来不及|能不能)"
                        + "|上线.{0,4}(来不及|太长)|售后.{0,6}(跟不上|不好)|(运维|响应).{0,6}(慢|不)|培训(怎么|谁)|学不会|人员不专业|不专业"
                        + "|周期.{0,4}(太长|三个月)|一个月能上线|就要用|必须用起来|服务网点|响应时间|没人(来|回复)|等了一个礼拜|谁来培训|水平不行"
                        + "|什么时候能到现场|实施要几个月|按时交付|拖了|服务没什么信心|能及时过来|售后团队|驻场"));
        RULES.put(
                ObjectionCategory.AUTHORITY,
                Pattern.compile("(得|要|等|需要).{0,10}拍板|说了不算|做不了主|定不了|点头了?才|跟(我们)?(老板|领导)(商量|汇报)"
                        + "|(汇报|报给).{0,8}(审批|才行)|(报|走|提交).{0,8}审批(?!流)|上党委会|等老板签字|领导.{0,6}没有表态|流程还没走完|集团的批复|还得.{0,6}(董事长|老板|总经理)"
                        + "|推不动|老爷子说了算|等他出差回来|得我们总经理"));
        RULES.put(
                ObjectionCategory.TIMING,
                Pattern.compile("明年|年后再说|过完年|下半年|往后放|不急|没有(这个)?计划|没有采购计划|预算已经用完"
                        + "|预算周期|不是时候|今年就算了|上不了|慢慢来|开春|急不来|流程比较长|没有这个预算|钱都花在|暂时换不了|还没批下来|没有钱了|等.{0,4}再说"));
        RULES.put(
                ObjectionCategory.TRUST,
                Pattern.compile("案例|资质|认证|等保|成立才|规模小|公司太小|倒闭|没人维护|不放心|数据不能出境"
                        + "|安全(审计|要求)|没什么信心|信不过|出过宕机|不稳定|名气|大品牌|特殊的安全|没做过|才二十几个人|不太放心"));
        RULES.put(
                ObjectionCategory.FIT,
                Pattern.compile("不支持|对不上|不匹配|不太匹配|不满足|满足不了|不贴合|差太远|硬伤|做不了就算了"
                        + "|太重了|太复杂|不会用|不太好用|不适合|不太一样|用不了这么多|大材小用|撑得住|不能对接|只有中文|不需要这么多功能|撑不住"
                        + "|只卖我们一个模块|迁移过来风险|不太敢动|同时在线"));
        TOPIC.put(ObjectionCategory.PRICE, "价格|价钱|钱|贵|报价|费用|预算");
        TOPIC.put(ObjectionCategory.DELIVERY, "交付|实施|售后|服务|培训|上线|维护");
        TOPIC.put(ObjectionCategory.TRUST, "信任|资质|安全|案例");
        TOPIC.put(ObjectionCategory.FIT, "功能|需求|产品");
        TOPIC.put(ObjectionCategory.COMPETITOR, "别家|竞品");
        TOPIC.put(ObjectionCategory.AUTHORITY, "领导|老板");
        TOPIC.put(ObjectionCategory.TIMING, "时间");
    }

    private final NaiveBayes classifier;

    Objections(NaiveBayes classifier) {
        this.classifier = classifier;
    }

    /** A raised objection, where it was said. */
    record Raised(ObjectionCategory category, int sentence, int clause, String evidence) {}

    /** Open objections: raised by the customer, not negated, not accepted later in the call. */
    List<Raised> find(List<Transcript.Sentence> sentences, Set<String> competitorsSaid) {
        List<Raised> open = new ArrayList<>();
        for (Transcript.Sentence s : sentences) {
            List<String> clauses = s.clauses();
            for (int c = 0; c < clauses.size(); c++) {
                Party side = s.labelled() ? s.party() : Transcript.infer(clauses.get(c));
                String clause = FILLERS.matcher(clauses.get(c)).replaceAll("");
                if (clause.isEmpty() || side != Party.CUSTOMER) {
                    continue;
                }
                if (resolves(clause, open, s.index(), c)) {
                    continue;
                }
                Set<ObjectionCategory> found = EnumSet.noneOf(ObjectionCategory.class);
                RULES.forEach((cat, p) -> {
                    if (p.matcher(clause).find()) {
                        found.add(cat);
                    }
                });
                if (competitorsSaid.stream().anyMatch(clause::contains)) {
                    found.add(ObjectionCategory.COMPETITOR);
                }
                if (found.isEmpty() && !AMOUNT.matcher(clause).find()) {
                    classifier.classify(clause, NB_THRESHOLD).ifPresent(found::add);
                }
                found.removeIf(cat -> negated(cat, clause));
                for (ObjectionCategory cat : found) {
                    if (open.stream().noneMatch(r -> r.category() == cat)) {
                        open.add(new Raised(cat, s.index(), c, s.text()));
                    }
                }
            }
        }
        return open;
    }

    private static boolean resolves(String clause, List<Raised> open, int sentence, int clause_) {
        if (open.isEmpty()
                || !ACCEPT.matcher(clause).find()
                || QUESTION.matcher(clause).find()) {
            return false;
        }
        List<Raised> topical = open.stream()
                .filter(r -> TOPIC.containsKey(r.category())
                        && Pattern.compile(TOPIC.get(r.category()))
                                .matcher(clause)
                                .find())
                .toList();
        if (!topical.isEmpty()) {
            open.removeAll(topical);
            return true;
        }
        Raised last = open.getLast();
        boolean earlier = last.sentence() < sentence || last.clause() < clause_;
        if (earlier) {
            open.removeIf(r -> r.sentence() == last.sentence());
        }
        return earlier;
    }

    private static final Map<ObjectionCategory, Pattern> NEGATION = new EnumMap<>(ObjectionCategory.class);
    private static final Map<ObjectionCategory, Pattern> TOPIC_PATTERN = new EnumMap<>(ObjectionCategory.class);

    static {
        TOPIC.forEach((cat, topic) -> {
            TOPIC_PATTERN.put(cat, Pattern.compile(topic));
            NEGATION.put(cat, negation(topic));
        });
    }

    private static boolean negated(ObjectionCategory cat, String clause) {
        return NEGATION.get(cat).matcher(clause).find();
    }

    private static Pattern negation(String topic) {
        return Pattern.compile("(不是|倒不是|并不是|也不是|不缺|不担心|不是担心|不是嫌)(" + topic + ")"
                + "|(" + topic
                + ")[^，,]{0,6}(没问题|没什么问题|不是问题|不大|还可以|可以接受|能接受|合理|合适|不贵|到位|有竞争力|没有意见|不担心|没有任何疑问|可以|倒不是|这块不是问题|的事儿)"
                + "|(不是|倒不是)[^，,]{0,4}(" + topic + ")");
    }
}
