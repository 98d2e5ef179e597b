package app.lantern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class OutboxExactlyOnceTest extends NotificationTestSupport {

    private Map<String, Long> receivedTitles(FakeProviders.WeCom wecom) {
        return wecom.accepted.stream()
                .map(b -> b.path("text")
                        .path("content")
                        .asString()
                        .lines()
                        .findFirst()
                        .orElse(""))
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    }

    @Test
    void messagesPendingAtARestartAreEachDeliveredOnce() throws Exception {
        try (var wecom = new FakeProviders.WeCom("unused", "wwr" + run, "restart-secret")) {
            long rep = userId("rep7");
            long ch = channel(
                    ChannelKind.WECOM_APP,
                    wecom.endpoint(),
                    "wwr" + run,
                    "1000003",
                    null,
                    env("LANTERN_T_RESTART_" + run.toUpperCase(), "restart-secret"),
                    "text");
            optIn(rep, ch, null, "heXue", null);
            List<String> titles = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                titles.add("重启前-" + i + "-" + run);
                send(rep, titles.getLast(), "内容");
            }

            // node A claims four deliveries and dies before sending them
            DeliveryWorker crashed = worker("crashed");
            assertThat(crashed.claim(4)).hasSize(4);

            // the restarted node sends what is due; the crashed node's leases have not expired yet
            DeliveryWorker restarted = worker("restarted");
            drain(restarted);
            assertThat(wecom.accepted).hasSize(6);

            // once the leases expire, the rest goes out; running again sends nothing more
            DeliveryWorker afterLease =
                    worker("restarted", later(clock, Duration.ofMinutes(3)), DeliveryWorker.Policy.DEFAULT);
            drain(afterLease);
            drain(afterLease);

            Map<String, Long> received = receivedTitles(wecom);
            assertThat(received).containsOnlyKeys(titles);
            assertThat(received.values()).allMatch(n -> n == 1);
        }
    }

    @Test
    void twoNodesOnOneDatabaseSendEachMessageOnce() throws Exception {
        try (var wecom = new FakeProviders.WeCom("unused", "wwn" + run, "nodes-secret")) {
            long rep = userId("rep6");
            long ch = channel(
                    ChannelKind.WECOM_APP,
                    wecom.endpoint(),
                    "wwn" + run,
                    "1000004",
                    null,
                    env("LANTERN_T_NODES_" + run.toUpperCase(), "nodes-secret"),
                    "text");
            optIn(rep, ch, null, "yangFan", null);
            List<String> titles = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                titles.add("双节点-" + i + "-" + run);
                send(rep, titles.getLast(), "内容");
            }
            DeliveryWorker nodeA = worker("node-a");
            DeliveryWorker nodeB = worker("node-b");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> runs = new ArrayList<>();
                for (DeliveryWorker node : List.of(nodeA, nodeB)) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        int total = 0;
                        for (int n; (n = node.deliverDue(5)) > 0; ) {
                            total += n;
                        }
                        return total;
                    }));
                }
                start.countDown();
                int attempted = 0;
                for (Future<Integer> f : runs) {
                    attempted += f.get();
                }
                assertThat(attempted).isGreaterThanOrEqualTo(40);
            } finally {
                pool.shutdownNow();
            }
            Map<String, Long> received = receivedTitles(wecom);
            assertThat(received).containsOnlyKeys(titles);
            assertThat(received.values()).allMatch(n -> n == 1);
        }
    }
}
