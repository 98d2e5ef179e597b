package app.lantern.conversation;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Extraction cost per 1,000 characters of transcript, warm, on one thread: the development set's snippets joined into
 * one long call and cut to 1,000 characters. Run with {@code ./mvnw -Pbench test -Dtest=ExtractionBenchmark}; figures
 * in docs/performance.md. Lives in the module's package because the extractor is package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExtractionBenchmark {

    private TranscriptExtractor extractor;
    private String thousandChars;

    @Setup
    public void setUp() {
        extractor = new TranscriptExtractor(
                DevSet.shippedCalendar(),
                NaiveBayes.fromResource("conversation/objection-examples.tsv"),
                ConversationProperties.DEFAULT_COMPETITORS);
        StringBuilder b = new StringBuilder();
        for (DevSet.Snippet s : DevSet.load().snippets()) {
            b.append(s.text());
        }
        thousandChars = b.substring(0, 1000);
    }

    @Benchmark
    public Extraction extractThousandCharacters() {
        return extractor.extract(thousandChars, LocalDate.of(2026, 10, 9), List.of());
    }

    @Test
    void run() throws RunnerException {
        new Runner(new OptionsBuilder()
                        .include(ExtractionBenchmark.class.getSimpleName())
                        .forks(0)
                        .threads(1)
                        .build())
                .run();
        // the shared 2-vCPU machine's load inflates wall time; CPU time of this thread is what one core spends
        ExtractionBenchmark b = new ExtractionBenchmark();
        b.setUp();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 500; i++) {
            b.extractThousandCharacters();
        }
        long cpu0 = threads.getCurrentThreadCpuTime();
        int ops = 500;
        for (int i = 0; i < ops; i++) {
            b.extractThousandCharacters();
        }
        System.out.printf(
                "CPU time per 1,000 characters: %.2f ms%n", (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / ops);
    }
}
