package kz.shagym.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The case page's diagram viewer reads the BPMN files the engine deploys (shagym.bpmn-location, bpmn/*.bpmn unless
 * set), not copies of them: the drawing cannot show a process the engine does not run. Only the .bpmn files of that
 * folder are served, under /diagrams/.
 */
@Configuration
class DiagramFiles implements WebMvcConfigurer {

    private static final String FILES = "/*.bpmn";

    private final String folder;

    DiagramFiles(@Value("${shagym.bpmn-location:file:bpmn/*.bpmn}") String bpmnLocation) {
        if (!bpmnLocation.endsWith(FILES)) {
            throw new IllegalStateException("shagym.bpmn-location must name the .bpmn files of one folder (…" + FILES
                    + ") for the case page to show them: " + bpmnLocation);
        }
        this.folder = bpmnLocation.substring(0, bpmnLocation.length() - FILES.length() + 1);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/diagrams" + FILES).addResourceLocations(folder);
    }
}
