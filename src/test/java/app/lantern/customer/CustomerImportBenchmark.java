package app.lantern.customer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 100,000 csv rows (real name shapes, one in ten a short-name duplicate of an earlier row) imported with duplicate
 * checking on the configured database. Not part of verify: {@code ./mvnw -Pbench test -Dtest=CustomerImportBenchmark}
 * (add LANTERN_TEST_DB_URL=… for PostgreSQL).
 */
@SpringBootTest
class CustomerImportBenchmark {

    @Autowired
    CustomerImports imports;

    @Autowired
    UserDetailsService users;

    @Test
    void importHundredThousandRows() throws Exception {
        int rows = Integer.getInteger("rows", 100_000);
        var p = users.loadUserByUsername("rep1");
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
        List<String[]> shapes = new ArrayList<>();
        for (var c : app.lantern.customer.matching.DevelopmentSet.companies()) {
            shapes.add(new String[] {c.shortName(), c.fullName(), c.province(), c.city(), c.industry()});
        }
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("客户名称,省份,城市,行业,电话,联系人,手机,创建时间\r\n");
        List<String> written = new ArrayList<>();
        String[] suffixes = {"科技", "贸易", "实业", "电子", "医药", "物流", "建设", "新材料"};
        for (int i = 0; i < rows; i++) {
            String name;
            if (i > 100 && i % 10 == 0) {
                String earlier = written.get(random.nextInt(written.size()));
                name = app.lantern.customer.matching.CompanyName.of(earlier).core() + "A";
            } else {
                String[] a = shapes.get(random.nextInt(shapes.size()));
                String[] b = shapes.get(random.nextInt(shapes.size()));
                String core = app.lantern.customer.matching.CompanyName.of(a[1]).core();
                String core2 =
                        app.lantern.customer.matching.CompanyName.of(b[1]).core();
                name = a[2] + core.substring(0, Math.min(2, core.length())) + core2.charAt(core2.length() - 1)
                        + suffixes[random.nextInt(suffixes.length)] + (i % 7) + "号有限公司";
                written.add(name);
            }
            String[] s = shapes.get(random.nextInt(shapes.size()));
            csv.append(name)
                    .append(',')
                    .append(s[2])
                    .append(',')
                    .append(s[3])
                    .append(',')
                    .append(s[4].replace(',', ' '))
                    .append(',')
                    .append(String.format("0%d-%08d", 10 + random.nextInt(90), random.nextInt(100_000_000)))
                    .append(",联系人")
                    .append(i)
                    .append(',')
                    .append(String.format("1%d%09d", 3 + random.nextInt(7), random.nextInt(1_000_000_000)))
                    .append(",2023-0")
                    .append(1 + random.nextInt(9))
                    .append("-1")
                    .append(random.nextInt(10))
                    .append("\r\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        var job = imports.upload("bench.csv", bytes, "auto", "skip", null);
        long id = Long.parseLong(job.id());
        imports.start(id, null, "skip", null, null);
        ImportJob state;
        do {
            Thread.sleep(500);
            state = imports.get(id);
        } while (!state.status().equals("DONE") && !state.status().equals("FAILED"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "import of %,d rows (%.1f MB csv) with duplicate checking: %.1f s, %s: imported %d, to review %d, merged %d, skipped %d, rejected %d%n",
                rows,
                bytes.length / 1e6,
                seconds,
                state.status(),
                state.imported(),
                state.review(),
                state.merged(),
                state.skipped(),
                state.rejected());
    }
}
