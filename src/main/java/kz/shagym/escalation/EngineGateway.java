package kz.shagym.escalation;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.CreateProcessInstanceCommandStep1;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.grpc.Status;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.shagym.complaint.EngineCommand.PublishMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Everything the application asks of the engine: deploy, start or resume an instance, cancel it, publish a message. */
@Component
public class EngineGateway {

    private static final Logger log = LoggerFactory.getLogger(EngineGateway.class);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(60);

    private final CamundaClient client;
    private final String bpmnLocation;
    private final Duration messageTtl;

    EngineGateway(CamundaClient client, @Value("${shagym.bpmn-location:file:bpmn/*.bpmn}") String bpmnLocation,
                  @Value("${shagym.engine.message-ttl:PT10M}") Duration messageTtl) {
        this.client = client;
        this.bpmnLocation = bpmnLocation;
        this.messageTtl = messageTtl;
    }

    /** Deploys every BPMN file of the ladder in one deployment, so the main process and its rungs always match. */
    public void deployLadder() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(bpmnLocation);
            if (resources.length == 0) {
                throw new IllegalStateException("no BPMN found at " + bpmnLocation + " (set shagym.bpmn-location)");
            }
            var command = client.newDeployResourceCommand()
                    .addResourceBytes(resources[0].getContentAsByteArray(), resources[0].getFilename());
            for (int i = 1; i < resources.length; i++) {
                command = command.addResourceBytes(resources[i].getContentAsByteArray(), resources[i].getFilename());
            }
            // A busy machine (or a just-started engine) can take longer than the client's default 10 s for this one.
            command.requestTimeout(DEPLOY_TIMEOUT).send().join();
            log.info("Deployed {} BPMN files from {}", resources.length, bpmnLocation);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read BPMN from " + bpmnLocation, e);
        }
    }

    /**
     * Starts the ladder for a new complaint, or (with elements) resumes it before the elements of its open rungs.
     * {@code run} tells this instance's jobs from those of any other instance of the same complaint.
     */
    public long startLadder(UUID complaintId, UUID run, List<String> startBefore) {
        return startLadderAsync(complaintId, run, startBefore).join().getProcessInstanceKey();
    }

    /** The same, without waiting for the engine's answer: a resume sends many and then collects the answers. */
    CamundaFuture<ProcessInstanceEvent> startLadderAsync(UUID complaintId, UUID run, List<String> startBefore) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("complaintId", complaintId.toString());
        variables.put(Processes.LADDER_RUN, run.toString());
        CreateProcessInstanceCommandStep1.CreateProcessInstanceCommandStep3 command = client.newCreateInstanceCommand()
                .bpmnProcessId(Processes.LADDER).latestVersion().variables(variables);
        for (String element : startBefore) {
            command = command.startBeforeElement(element);
        }
        return command.send();
    }

    public void cancel(long processInstanceKey) {
        try {
            client.newCancelInstanceCommand(processInstanceKey).send().join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() != Status.Code.NOT_FOUND) {
                throw e;
            }
            // Already ended (or from an engine that was replaced): nothing to cancel.
        }
    }

    public void publish(PublishMessage message) {
        onceOnly(() -> client.newPublishMessageCommand()
                .messageName(message.name())
                .correlationKey(message.complaintId().toString())
                .messageId(message.messageId())
                .timeToLive(messageTtl)
                .variables(message.variables())
                .send().join());
    }

    /** A message the engine already holds under its id (a redelivery) is delivered: the engine refuses the copy. */
    private static void onceOnly(Runnable publish) {
        try {
            publish.run();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
                throw e;
            }
        }
    }

    /**
     * Ends the instance of a ladder run that is no longer the complaint's current one, if the engine runs it: its event
     * subprocess "Run superseded" waits for this message, correlated by the run. Harmless where no such instance runs
     * (the message expires); the message id makes a repeat harmless.
     */
    public void supersede(UUID run) {
        onceOnly(() -> client.newPublishMessageCommand()
                .messageName(Processes.RUN_SUPERSEDED)
                .correlationKey(run.toString())
                .messageId(Processes.RUN_SUPERSEDED + ":" + run)
                .timeToLive(messageTtl)
                .send().join());
    }

    /**
     * Waits until the engine answers. After the embedded engine is replaced, the client's channel may still be in its
     * reconnect back-off from the seconds the port was closed, and fails calls at once until it reconnects.
     */
    public void awaitReachable(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reachable()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the engine did not answer within " + timeout);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the engine", e);
            }
        }
    }

    public boolean reachable() {
        try {
            client.newTopologyRequest().send().join(5, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
