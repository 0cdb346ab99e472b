package kz.shagym.escalation;

import kz.shagym.clock.ShagymClock;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class EngineConfiguration {

    /** Embedded mode: default, outside the production profile. */
    static class EmbeddedMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return EmbeddedEngineEnvironment.embedded((ConfigurableEnvironment) context.getEnvironment());
        }
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedMode.class)
    EmbeddedEngine embeddedEngine(@Value("${" + EmbeddedEngineEnvironment.RESOLVED_PORT + "}") int port, ShagymClock clock,
                                  @Value("${" + EmbeddedEngineEnvironment.HOST + "}") String host,
                                  @Value("${shagym.data-dir}") java.nio.file.Path dataDir,
                                  @Value("${shagym.engine.state-memory:128MB}") org.springframework.util.unit.DataSize memory) {
        return new EmbeddedEngine(host, port, clock, dataDir.resolve("engine-state"), memory.toBytes());
    }

    /** The client's workers start polling as soon as it exists: create the embedded engine first, and close it last. */
    @Bean
    static BeanFactoryPostProcessor camundaClientAfterEmbeddedEngine() {
        return beanFactory -> {
            if (beanFactory.containsBeanDefinition("embeddedEngine") && beanFactory.containsBeanDefinition("camundaClient")) {
                BeanDefinition client = beanFactory.getBeanDefinition("camundaClient");
                client.setDependsOn("embeddedEngine");
            }
        };
    }
}
