package app.lantern.integration;

import static lantern.db.Tables.INTEGRATION_WECOM_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.lantern.customer.CustomerManagement;
import app.lantern.customer.CustomerTimeline;
import app.lantern.customer.CustomerView;
import app.lantern.identity.Directory;
import app.lantern.notification.NotificationChannels;
import app.lantern.shared.PageQuery;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The WeCom callback URL end to end: WeCom's encryption (the official sample's token, EncodingAESKey and corp id), a
 * local fake of WeCom's API, and the customer, contact and timeline entry that come out.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WeComCallbackTest {

    static final FakeWeCom WECOM = start();

    static FakeWeCom start() {
        try {
            return new FakeWeCom();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void wecom(DynamicPropertyRegistry registry) {
        registry.add("lantern.wecom.corp-id", () -> WeComCryptoTest.CORP_ID);
        registry.add("lantern.wecom.token", () -> WeComCryptoTest.TOKEN);
        registry.add("lantern.wecom.encoding-aes-key", () -> WeComCryptoTest.AES_KEY);
        registry.add("lantern.wecom.secret", () -> FakeWeCom.SECRET);
        registry.add("lantern.wecom.api-base-url", WECOM::baseUrl);
    }

    @AfterAll
    static void stop() {
        WECOM.close();
    }

    final WeComCrypto crypto = new WeComCrypto(WeComCryptoTest.TOKEN, WeComCryptoTest.AES_KEY, WeComCryptoTest.CORP_ID);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    WeComSync sync;

    @Autowired
    WeComAdmin admin;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CustomerTimeline timeline;

    @Autowired
    NotificationChannels channels;

    @Autowired
    Directory directory;

    @Autowired
    UserDetailsService users;

    @Autowired
    DSLContext db;

    @Autowired
    Clock clock;

    @BeforeEach
    void allowTheFakeServer() {
        signIn("admin");
        channels.allowHost("127.0.0.1");
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void answersTheUrlVerificationWithTheDecryptedEchostr() throws Exception {
        String ts = now();
        String echostr = crypto.encrypt("7139302452931536000", random());
        MvcTestResult ok = mvc.get()
                .uri("/integrations/wecom/callback")
                .param("msg_signature", crypto.signature(ts, "1597212914", echostr))
                .param("timestamp", ts)
                .param("nonce", "1597212914")
                .param("echostr", echostr)
                .exchange();
        assertThat(ok).hasStatusOk();
        assertThat(ok.getResponse().getContentAsString()).isEqualTo("7139302452931536000");

        MvcTestResult forged = mvc.get()
                .uri("/integrations/wecom/callback")
                .param("msg_signature", "0".repeat(40))
                .param("timestamp", ts)
                .param("nonce", "1597212914")
                .param("echostr", echostr)
                .exchange();
        assertThat(forged).hasStatus(403);
        assertThat(forged.getResponse().getContentAsString()).isEqualTo("refused");
    }

    @Test
    void anAddedExternalContactBecomesOneCustomerHoweverOftenTheCallbackArrives() throws Exception {
        // a made-up brand of its own, so that no other test's customer is a duplicate candidate
        String corp = unique() + "科技有限公司";
        String external = "wmAJ2GCAAA" + ascii();
        // a mobile of its own too: the duplicate rules link a contact whose mobile a customer already has
        String mobile = mobile();
        WECOM.addContact(external, "李四", corp.substring(0, 6), corp, "rep1", mobile);
        String event = addEvent("rep1", external);

        String nonce = "n" + ascii();
        String ts = now();
        assertThat(post(event, ts, nonce)).hasStatusOk().bodyText().isEqualTo("success");
        assertThat(post(event, ts, nonce))
                .as("the same nonce again is a replay")
                .hasStatus(403);
        assertThat(post(event, now(), "n" + ascii()))
                .as("WeCom sending the event again is accepted, and queued once")
                .hasStatusOk();

        WECOM.expireToken(); // the cached token is refused with 42001 and fetched anew
        int tokensBefore = WECOM.tokensIssued();
        awaitProcessed(external);

        signIn("rep1");
        List<CustomerView> found = customers
                .list(
                        new CustomerManagement.Filter(corp, null, null, null, null, null),
                        PageQuery.of(0, 10, null, CustomerManagement.SORT_FIELDS, "name"))
                .items();
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.tags()).contains("微信来源");
            assertThat(c.ownerId())
                    .isEqualTo(String.valueOf(
                            directory.userByUsername("rep1").orElseThrow().id()));
        });
        long customerId = Long.parseLong(found.getFirst().id());
        assertThat(customers.contacts(customerId)).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("李四");
            assertThat(c.wechatId()).isEqualTo(external);
            assertThat(c.mobile()).isEqualTo(mobile);
        });
        var chats = timeline.entries(customerId, 50).stream()
                .filter(e -> e.type().equals("chat"))
                .toList();
        assertThat(chats).singleElement().satisfies(e -> {
            assertThat(e.title()).contains("李四");
            assertThat(e.body()).contains("昵称：李四", "企业：" + corp, "备注：李四-采购", "展会二维码", "WELCOME" + external);
            assertThat(e.link()).isEqualTo("https://wework.qpic.cn/wwhead/" + external + "/0");
        });
        assertThat(WECOM.tokensIssued()).isGreaterThan(tokensBefore);

        // the same addition processed once more (WeCom's retry after the first was done) adds nothing
        SecurityContextHolder.clearContext();
        assertThat(post(addEvent("rep1", external), now(), "n" + ascii())).hasStatusOk();
        sync.processDue(20);
        signIn("rep1");
        assertThat(customers
                        .list(
                                new CustomerManagement.Filter(corp, null, null, null, null, null),
                                PageQuery.of(0, 10, null, CustomerManagement.SORT_FIELDS, "name"))
                        .total())
                .isEqualTo(1);
        assertThat(timeline.entries(customerId, 50).stream()
                        .filter(e -> e.type().equals("chat")))
                .hasSize(1);
    }

    @Test
    void refusesStaleTimestampsForgedSignaturesAndXmlEntities() throws Exception {
        String event = addEvent("rep1", "wmStale" + ascii());
        String stale = String.valueOf(clock.instant().getEpochSecond() - 301);
        assertThat(post(event, stale, "n" + ascii())).hasStatus(403);

        String ts = now();
        String encrypted = crypto.encrypt(event, random());
        String body = "<xml><ToUserName><![CDATA[" + WeComCryptoTest.CORP_ID + "]]></ToUserName><Encrypt><![CDATA["
                + encrypted + "]]></Encrypt></xml>";
        assertThat(send(body, "0".repeat(40), ts, "n" + ascii())).hasStatus(403);

        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><Encrypt>&e;</Encrypt></xml>";
        assertThat(send(xxe, crypto.signature(ts, "x1", ""), ts, "x1")).hasStatus(403);

        signIn("admin");
        assertThat(admin.errorLog(10)).anyMatch(l -> l.kind().equals("REFUSED"));
    }

    @Test
    void anUnmappedWeComUserFailsVisiblyAndSucceedsOnceMapped() throws Exception {
        String corp = unique() + "贸易有限公司";
        String external = "wmUnmapped" + ascii();
        String wecomUser = "zhangwei" + ascii();
        WECOM.addContact(external, "王五", corp, corp, wecomUser, mobile());
        assertThat(post(addEvent(wecomUser, external), now(), "n" + ascii())).hasStatusOk();
        long eventId = awaitStatus(external, WeComSync.FAILED);

        signIn("admin");
        assertThat(admin.events(50))
                .filteredOn(e -> e.id() == eventId)
                .singleElement()
                .satisfies(e -> assertThat(e.lastError()).contains(wecomUser, "not mapped"));
        admin.map(wecomUser, directory.userByUsername("rep3").orElseThrow().id());
        admin.retry(eventId);
        awaitProcessed(external);

        signIn("rep3");
        assertThat(customers
                        .list(
                                new CustomerManagement.Filter(corp, null, null, null, null, null),
                                PageQuery.of(0, 10, null, CustomerManagement.SORT_FIELDS, "name"))
                        .items())
                .singleElement()
                .satisfies(c -> assertThat(c.ownerId())
                        .isEqualTo(String.valueOf(
                                directory.userByUsername("rep3").orElseThrow().id())));
    }

    private String addEvent(String userId, String external) {
        return "<xml><ToUserName><![CDATA[" + WeComCryptoTest.CORP_ID + "]]></ToUserName>"
                + "<FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1700000000</CreateTime>"
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event>"
                + "<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[" + userId
                + "]]></UserID><ExternalUserID><![CDATA[" + external + "]]></ExternalUserID>"
                + "<State><![CDATA[展会二维码]]></State><WelcomeCode><![CDATA[WELCOME" + external
                + "]]></WelcomeCode></xml>";
    }

    private MvcTestResult post(String event, String ts, String nonce) {
        String encrypted = crypto.encrypt(event, random());
        String body = "<xml><ToUserName><![CDATA[" + WeComCryptoTest.CORP_ID + "]]></ToUserName><Encrypt><![CDATA["
                + encrypted + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
        return send(body, crypto.signature(ts, nonce, encrypted), ts, nonce);
    }

    private MvcTestResult send(String body, String signature, String ts, String nonce) {
        return mvc.post()
                .uri("/integrations/wecom/callback")
                .param("msg_signature", signature)
                .param("timestamp", ts)
                .param("nonce", nonce)
                .contentType(MediaType.TEXT_XML)
                .content(body.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }

    private void awaitProcessed(String external) {
        awaitStatus(external, WeComSync.DONE);
    }

    /** Runs the background job (the scheduler may run it too) until the contact's event has the status. */
    private long awaitStatus(String external, String status) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            sync.processDue(20);
                            return db.select(INTEGRATION_WECOM_EVENTS.ID)
                                    .from(INTEGRATION_WECOM_EVENTS)
                                    .where(INTEGRATION_WECOM_EVENTS.EXTERNAL_USER_ID.eq(external))
                                    .and(INTEGRATION_WECOM_EVENTS.STATUS.eq(status))
                                    .fetch(INTEGRATION_WECOM_EVENTS.ID);
                        },
                        ids -> ids.size() == 1)
                .getFirst();
    }

    private String now() {
        return String.valueOf(clock.instant().getEpochSecond());
    }

    private static byte[] random() {
        return UUID.randomUUID().toString().substring(0, 16).getBytes(StandardCharsets.US_ASCII);
    }

    private void signIn(String username) {
        var principal = users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    private static String mobile() {
        return "139"
                + String.format(
                        "%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String ascii() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String unique() {
        String letters = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
        StringBuilder sb = new StringBuilder();
        long bits = UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            sb.append(letters.charAt((int) (bits % letters.length())));
            bits /= letters.length();
        }
        return sb.toString();
    }
}
