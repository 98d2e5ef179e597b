package app.lantern.pipeline;

import java.util.List;

/** The two shipped pipeline templates. */
final class PipelineTemplates {

    record StageTemplate(
            String name, int winProbability, List<String> requiredFields, int slaDays, List<String> keyActions) {}

    record Template(String code, String name, String productLine, int budgetRequiredFrom, List<StageTemplate> stages) {}

    static final Template MEDICAL = new Template(
            "MEDICAL_DEVICE",
            "医疗器械分销",
            "医疗器械",
            3,
            List.of(
                    new StageTemplate("线索确认", 10, List.of("source"), 5, List.of("确认医院科室与采购需求", "核实经营许可与资质", "登记线索来源")),
                    new StageTemplate(
                            "科室拜访",
                            20,
                            List.of("contacts", "coreNeed"),
                            10,
                            List.of("拜访科室主任", "了解现有设备与使用痛点", "识别设备科与采购办联系人")),
                    new StageTemplate(
                            "产品演示",
                            35,
                            List.of("decisionMaker", "amount"),
                            10,
                            List.of("安排临床演示/试用", "收集使用者反馈", "提交产品注册证与资料")),
                    new StageTemplate(
                            "招标/方案",
                            55,
                            List.of("competitors", "expectedClose", "nextStep"),
                            15,
                            List.of("获取招标文件", "准备投标方案与竞品对比", "确认预算与资金来源")),
                    new StageTemplate(
                            "商务谈判", 75, List.of("nextStepDue"), 10, List.of("价格与配套耗材谈判", "确认交付与培训计划", "法务审核合同")),
                    new StageTemplate("合同签署", 90, List.of(), 5, List.of("签署合同并盖章", "确认回款节点", "安排装机验收"))));

    static final Template SAAS = new Template(
            "SAAS",
            "SaaS 订阅",
            "SaaS",
            2,
            List.of(
                    new StageTemplate("初步接洽", 10, List.of("source"), 5, List.of("确认业务场景", "识别项目负责人")),
                    new StageTemplate(
                            "需求确认", 25, List.of("coreNeed", "contacts"), 7, List.of("需求调研会", "确认现有系统与集成点", "确认预算区间")),
                    new StageTemplate(
                            "方案演示", 45, List.of("decisionMaker", "amount"), 7, List.of("定制演示", "开通试用账号", "收集试用反馈")),
                    new StageTemplate(
                            "方案报价",
                            65,
                            List.of("expectedClose", "competitors"),
                            10,
                            List.of("提交方案与报价", "竞品对比说明", "安全与合规问卷")),
                    new StageTemplate(
                            "商务谈判", 80, List.of("nextStep", "nextStepDue"), 10, List.of("折扣审批", "合同条款谈判", "采购流程确认")),
                    new StageTemplate("签约", 95, List.of(), 5, List.of("签署订阅合同", "安排上线与培训"))));

    static final List<Template> ALL = List.of(MEDICAL, SAAS);

    private PipelineTemplates() {}
}
