package app.lantern.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People named the Chinese business way (surname + title: 王总, 李经理, 陈工, 赵局) and their decision-chain role: the
 * role cue nearest to the name in its sentence (拍板 → decision maker, 帮你们说话 → champion, 先过他那关 → gatekeeper,
 * 主要是他们在用 → user, 听他的意见 → influencer); without a cue the title decides (总 → decision maker, 经理 → influencer).
 */
final class People {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
            + "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康文牛樊葛"
            + "邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅凌毕单季裴霍涂苗盛曲翁冉骆蓝游辛靳管柴蒙鲍"
            + "喻祁蒲房滕屈饶解牟艾尤穆卓吉缪简车连麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇"
            + "桑郎甄丛仲虞敖巩佘池麻苑迟邝";
    private static final Pattern NAME =
            Pattern.compile("(?<![实设])([" + SURNAMES + "])(总监|总|经理|工程师|工|主任|老师|局长|局|处长|科长|部长|主管|院长|校长|书记|厂长|董|秘书)");
    private static final Map<ChainRole, Pattern> CUES = new LinkedHashMap<>();

    static {
        CUES.put(
                ChainRole.CHAMPION,
                Pattern.compile("支持|帮(你们|我们)?(忙)?(说|推)|替你们|推荐|力挺|一直在推|帮忙推动|内部教练|认可你们|好话|争取|站在你们|评价挺高|看好你们"));
        CUES.put(
                ChainRole.DECISION_MAKER,
                Pattern.compile("拍板|说了算|最后定|最终定|(他|她)(来)?定|签字|一把手|定了就行|做主|全权|最后由|点头|最后签|决定权"));
        CUES.put(
                ChainRole.GATEKEEPER,
                Pattern.compile("先过|那一?关|对接人|跟供应商对接|转达|转给|先找|先跟.{0,3}约|前台|秘书|安排|审一下|先审|难搞|卡在|还没看"));
        CUES.put(ChainRole.USER, Pattern.compile("在用|使用|用这个系统|主要是.{0,8}用|天天.{0,4}(看|用)|操作|用的人|在录|(他|她)(们)?(用|在用)"));
        CUES.put(ChainRole.INFLUENCER, Pattern.compile("评估|把关|意见|发言权|参谋|影响|建议|听(他|她)的|负责人|来谈|审批要经过|技术选型"));
    }

    private People() {}

    /** A name with the role found for it. */
    record Named(String name, ChainRole role, String title) {}

    /** Every person named in the sentences, first mention first, with the role of the best cue across mentions. */
    static List<Named> find(List<Transcript.Sentence> sentences) {
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (Transcript.Sentence s : sentences) {
            String text = s.text();
            Matcher m = NAME.matcher(text);
            List<int[]> spans = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
                names.add(m.group(1) + (m.group(2).equals("局长") ? "局" : m.group(2)));
            }
            for (int i = 0; i < names.size(); i++) {
                int lo = i > 0 ? spans.get(i - 1)[1] : 0;
                int hi = i + 1 < names.size() ? spans.get(i + 1)[0] : text.length();
                Candidate c = cue(text, spans.get(i), lo, hi);
                String title = names.get(i).substring(1);
                best.merge(
                        names.get(i),
                        c == null ? new Candidate(byTitle(title), Integer.MAX_VALUE) : c,
                        (a, b) -> a.distance <= b.distance ? a : b);
            }
        }
        List<Named> out = new ArrayList<>();
        best.forEach((name, c) -> out.add(new Named(name, c.role, name.substring(1))));
        return out;
    }

    private record Candidate(ChainRole role, int distance) {}

    private static Candidate cue(String text, int[] span, int lo, int hi) {
        Candidate best = null;
        for (var e : CUES.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            m.region(lo, hi);
            while (m.find()) {
                if (m.start() < span[1] && m.end() > span[0]) {
                    continue;
                }
                int distance = m.start() >= span[1] ? m.start() - span[1] : 2 * (span[0] - m.end()) + 1;
                if (best == null || distance < best.distance) {
                    best = new Candidate(e.getKey(), distance);
                }
            }
        }
        return best;
    }

    static ChainRole byTitle(String title) {
        return switch (title) {
            case "总", "局", "董", "院长", "校长", "书记", "厂长", "局长" -> ChainRole.DECISION_MAKER;
            case "秘书" -> ChainRole.GATEKEEPER;
            default -> ChainRole.INFLUENCER;
        };
    }
}
