package app.lantern.identity;

import app.lantern.shared.demo.DemoContext;
import app.lantern.shared.demo.DemoDataContributor;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo company 明灯科技 with three regional teams (华东/华南/华北), each with a manager and six reps, plus an
 * executive, a finance officer and an administrator. At scale N, each region gets N times as many reps (rep19…).
 */
@Component
class DemoOrganisation implements DemoDataContributor {

    static final String[] REGIONS = {"华东", "华南", "华北"};
    private static final String[] MANAGER_NAMES = {"陈建国", "林晓峰", "赵立新"};
    private static final String[] REP_NAMES = {
        "张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆",
        "黄磊", "周敏", "吴强", "徐丽", "孙杰", "马超",
        "朱琳", "胡斌", "郭涛", "何雪", "高鹏", "罗欣"
    };

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;

    DemoOrganisation(UserAccounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void contribute(DemoContext context) {
        String hash = encoder.encode(Installation.DEMO_PASSWORD);
        user("admin", "系统管理员", hash, null, EnumSet.of(Role.ADMIN));
        long exec = user("exec", "王总", hash, null, EnumSet.of(Role.EXECUTIVE));
        long company = accounts.createTeam("明灯科技", null, exec, null);
        accounts.moveToTeam(exec, company);
        user("finance", "财务·钱琳", hash, company, EnumSet.of(Role.FINANCE));
        int repsPerRegion = 6 * context.scale();
        int rep = 1;
        for (int r = 0; r < REGIONS.length; r++) {
            long team = accounts.createTeam(REGIONS[r] + "区", company, null, REGIONS[r]);
            long manager = user("manager" + (r + 1), MANAGER_NAMES[r], hash, team, EnumSet.of(Role.MANAGER));
            accounts.setTeamLeader(team, manager);
            for (int i = 0; i < repsPerRegion; i++, rep++) {
                String name = rep <= REP_NAMES.length ? REP_NAMES[rep - 1] : "销售" + rep;
                user("rep" + rep, name, hash, team, EnumSet.of(Role.REP));
            }
        }
    }

    private long user(String username, String name, String hash, Long team, Set<Role> roles) {
        return accounts.create(
                new UserAccounts.NewUser(username, name, null, username + "@demo.lantern.app", null, team, roles),
                hash,
                false);
    }
}
