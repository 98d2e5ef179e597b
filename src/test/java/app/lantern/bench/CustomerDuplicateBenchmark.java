package app.lantern.bench;

import app.lantern.customer.matching.CompanyName;
import app.lantern.customer.matching.DevelopmentSet;
import app.lantern.customer.matching.DuplicateMatcher;
import app.lantern.customer.matching.InMemoryKeyIndex;
import app.lantern.customer.matching.MatchProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Duplicate check at a million customers, in-process: blocking-key candidates vs a full scan over the same
 * profiles, and the whole-base cluster report. Not a test (never runs in {@code mvn verify}); run with
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Xmx6g -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     app.lantern.bench.CustomerDuplicateBenchmark [customers]
 * </pre>
 * or {@code ./mvnw -Pbench test -Dtest=CustomerDuplicateBenchmark}.
 */
public final class CustomerDuplicateBenchmark {

    static final String[] INDUSTRY = {
        "科技", "电子", "医药", "生物", "能源", "新材料", "机械", "电气", "化工", "食品", "物流", "贸易", "实业", "信息技术", "软件", "建设", "环保", "传媒",
        "汽车零部件", "智能装备", "农业", "文化旅游", "网络", "精密制造"
    };
    static final String[] LEGAL = {"股份有限公司", "有限公司", "有限责任公司", "集团股份有限公司", "集团有限公司", "（集团）有限公司"};

    record Row(String shortName, String fullName, String province, String city) {}

    /** {@code ./mvnw -Pbench test -Dtest=CustomerDuplicateBenchmark} (size via -Dcustomers=…). */
    @org.junit.jupiter.api.Test
    void run() throws Exception {
        main(new String[] {System.getProperty("customers", "1000000")});
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<Row> rows = load();
        Random random = new Random(42);
        List<String> cores = new ArrayList<>();
        for (Row r : rows) {
            String core = CompanyName.of(r.fullName()).core();
            if (core.length() >= 2) {
                cores.add(core);
            }
        }
        System.out.printf("generating %,d customers from %d real name shapes%n", n, rows.size());
        long t0 = System.nanoTime();
        InMemoryKeyIndex index = new InMemoryKeyIndex();
        String[] names = new String[n + 1];
        for (int id = 1; id <= n; id++) {
            Row region = rows.get(random.nextInt(rows.size()));
            String a = cores.get(random.nextInt(cores.size()));
            String b = cores.get(random.nextInt(cores.size()));
            // brand: two characters of one real core and one or two of another, like 万润/华锦/康佳
            String brand =
                    a.substring(0, 2) + b.substring(b.length() - 1 - random.nextInt(Math.min(2, b.length() - 1)));
            String regionPrefix = switch (random.nextInt(4)) {
                case 0 -> region.province() + "省";
                case 1 -> region.city();
                case 2 -> region.province() + region.city();
                default -> "";
            };
            String name = regionPrefix
                    + brand
                    + INDUSTRY[random.nextInt(INDUSTRY.length)]
                    + LEGAL[random.nextInt(LEGAL.length)];
            names[id] = name;
            List<String> phones = random.nextInt(3) == 0
                    ? List.of(String.format("1%d%09d", 3 + random.nextInt(7), random.nextInt(1_000_000_000)))
                    : List.of();
            List<String> emails =
                    random.nextInt(5) == 0 ? List.of("sales" + id + "@" + "corp" + (id % 50_000) + ".cn") : List.of();
            index.add(MatchProfile.of(id, name, phones, emails, null));
        }
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "index: %,d customers, %,d distinct keys, built in %.1f s%n",
                index.size(), index.keyCount(), buildSeconds);

        // queries: short-name variants of existing customers (share class, ST, region abbreviation, width) and new
        // names
        int queries = 2000;
        List<MatchProfile> qs = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            if (i % 2 == 0) {
                String full = names[1 + random.nextInt(n)];
                CompanyName c = CompanyName.of(full);
                String core = c.core();
                String variant = switch (random.nextInt(4)) {
                    case 0 -> core.substring(0, Math.min(4, core.length())) + "Ａ";
                    case 1 -> "*ST" + core.substring(0, Math.min(4, core.length()));
                    case 2 -> full.replace("股份有限公司", "").replace("有限公司", "");
                    default -> core;
                };
                qs.add(MatchProfile.of(-1, variant, List.of(), List.of(), null));
            } else {
                String a = cores.get(random.nextInt(cores.size()));
                qs.add(MatchProfile.of(-1, "新" + a + "控股有限公司", List.of(), List.of(), null));
            }
        }
        // warm up
        for (int i = 0; i < 500; i++) {
            DuplicateMatcher.candidates(qs.get(i % qs.size()), index, 0.85, 10);
        }
        long[] nanos = new long[queries];
        int withCandidates = 0;
        for (int i = 0; i < queries; i++) {
            long s = System.nanoTime();
            var result = DuplicateMatcher.candidates(qs.get(i), index, 0.85, 10);
            nanos[i] = System.nanoTime() - s;
            if (!result.isEmpty()) {
                withCandidates++;
            }
        }
        Arrays.sort(nanos);
        double p50 = nanos[queries / 2] / 1e6;
        double p99 = nanos[(int) (queries * 0.99)] / 1e6;
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf(
                "indexed check over %,d: mean %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d of %d queries found candidates)%n",
                n, mean, p50, p99, nanos[queries - 1] / 1e6, withCandidates, queries);

        int scans = 10;
        long scanTotal = 0;
        List<MatchProfile> all = new ArrayList<>(index.all());
        int agree = 0;
        for (int i = 0; i < scans; i++) {
            MatchProfile q = qs.get(i * 2);
            long s = System.nanoTime();
            var full = DuplicateMatcher.fullScan(q, all, 0.85, 10);
            scanTotal += System.nanoTime() - s;
            var indexed = DuplicateMatcher.candidates(q, index, 0.85, 10);
            if (!full.isEmpty()
                    && !indexed.isEmpty()
                    && full.get(0).score() == indexed.get(0).score()) {
                agree++;
            }
        }
        double scanMean = scanTotal / 1e6 / scans;
        System.out.printf(
                "full scan over %,d: mean %.1f ms per check; indexed is %.0fx faster (mean vs mean); top score agrees in %d of %d%n",
                n, scanMean, scanMean / mean, agree, scans);

        long r0 = System.nanoTime();
        var clusters = app.lantern.customer.matching.DuplicateClusters.find(
                p -> index.forEachPosting(app.lantern.customer.matching.DuplicateClusters.MAX_BLOCK, p),
                index::profile,
                0.85,
                java.util.Set.of());
        double reportSeconds = (System.nanoTime() - r0) / 1e9;
        System.out.printf(
                "whole-base report over %,d: %.1f s, %,d clusters, %,d customers in clusters%n",
                n,
                reportSeconds,
                clusters.size(),
                clusters.stream().mapToInt(c -> c.members().size()).sum());
    }

    /** The SZSE listing, read once by the same loader as the quality test. */
    static List<Row> load() {
        return DevelopmentSet.companies().stream()
                .map(c -> new Row(c.shortName(), c.fullName(), c.province(), c.city()))
                .toList();
    }
}
