package kz.shagym.web;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import kz.shagym.ShagymIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The case page's viewer is served the very BPMN files the engine deploys, and nothing else of their folder. */
class DiagramFilesTest extends ShagymIntegrationTest {

    @Autowired
    private WebApplicationContext context;
    private MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void theLadderDiagramIsTheDeployedFile() throws Exception {
        mvc.perform(get("/diagrams/complaint-escalation.bpmn"))
                .andExpect(status().isOk())
                .andExpect(content().bytes(Files.readAllBytes(Path.of("bpmn", "complaint-escalation.bpmn"))));
    }

    @Test
    void onlyBpmnFilesOfTheFolderAreServed() throws Exception {
        mvc.perform(get("/diagrams/.bpmnlintrc")).andExpect(status().isNotFound());
    }
}
