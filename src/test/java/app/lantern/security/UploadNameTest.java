package app.lantern.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.PipelineFixtures;
import app.lantern.testing.WebSession;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** An attachment whose file name or type carries a NUL byte is stored under a clean name, never a 500. */
@SpringBootTest
@AutoConfigureMockMvc
class UploadNameTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PipelineFixtures fx;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    @Test
    void aNulByteInTheFileNameOrTypeIsReplacedNotStored() {
        long customer = fx.customer("rep2");
        fx.signIn("rep2");
        OpportunityDetails o = fx.opportunity(customer).create();
        fx.signOut();
        MvcTestResult result = mvc.post()
                .uri("/api/v1/opportunities/" + o.id() + "/documents")
                .header("Authorization", WebSession.token(mvc, "rep2"))
                .multipart()
                .file(new MockMultipartFile(
                        "file", "报价\u0000单.pdf", "application/pdf\u0000", "内容".getBytes(StandardCharsets.UTF_8)))
                .param("kind", "OTHER")
                .exchange();
        assertThat(result).hasStatus(201);
        assertThat(WebSession.json(result).get("fileName").asString()).isEqualTo("报价_单.pdf");
    }
}
