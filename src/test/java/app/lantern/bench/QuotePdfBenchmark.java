package app.lantern.bench;

import app.lantern.quote.QuotePdfBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Warm rendering time of one quote PDF (10 lines, Chinese text, watermark, QR code, embedded font subset).
 * Run: {@code ./mvnw -q test-compile exec:exec -Dexec.executable=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
 * -Dexec.args="-cp %classpath app.lantern.bench.QuotePdfBenchmark" -Dexec.classpathScope=test}
 */
public final class QuotePdfBenchmark {

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        byte[] sample = null;
        for (int i = 0; i < warmup; i++) {
            sample = QuotePdfBench.renderSample();
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            QuotePdfBench.renderSample();
            nanos[i] = System.nanoTime() - t;
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        Files.write(Path.of(System.getProperty("java.io.tmpdir"), "lantern-quote-sample.pdf"), sample);
        System.out.printf(
                "quote PDF: %d runs after %d warm-up, wall p50 %.1f ms, p90 %.1f ms, p99 %.1f ms; thread CPU p50 %.1f ms, p90 %.1f ms;"
                        + " size %d bytes; load average %.1f on %d cores%n",
                runs,
                warmup,
                nanos[runs / 2] / 1e6,
                nanos[(int) (runs * 0.9)] / 1e6,
                nanos[(int) (runs * 0.99)] / 1e6,
                cpu[runs / 2] / 1e6,
                cpu[(int) (runs * 0.9)] / 1e6,
                sample.length,
                load,
                Runtime.getRuntime().availableProcessors());
    }
}
