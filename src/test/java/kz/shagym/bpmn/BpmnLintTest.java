package kz.shagym.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BPMN the engine deploys passes bpmnlint with bpmn/.bpmnlintrc (bpmnlint's recommended rules and those of the
 * Camunda 8.8 engine), run with the versions pinned in tools/bpmnlint/package-lock.json. They are installed there with
 * npm ci once, and again only when the lock file changes. Without Node.js this fails, naming it: a lint that quietly
 * does not run would let a model the Modeler flags, or the engine refuses, reach main.
 */
class BpmnLintTest {

    private static final Path TOOLS = Path.of("tools", "bpmnlint");
    private static final Path MODELS = Path.of("bpmn");
    private static final Path CONFIG = MODELS.resolve(".bpmnlintrc");
    /** Written after a good npm ci: the SHA-256 of the lock file that was installed. */
    private static final Path INSTALLED = TOOLS.resolve("node_modules").resolve(".installed-lock.sha256");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration LINT_TIMEOUT = Duration.ofMinutes(2);

    private static String node;

    @BeforeAll
    static void installTheLinter() throws Exception {
        node = onPath("node");
        String npm = onPath("npm");
        if (node == null || npm == null) {
            fail("BpmnLintTest needs Node.js: node and npm on the PATH (Debian: apt-get install nodejs npm)");
        }
        String lock = sha256(TOOLS.resolve("package-lock.json"));
        if (Files.exists(INSTALLED) && Files.readString(INSTALLED).strip().equals(lock)) {
            return;
        }
        Result install = run(TOOLS, INSTALL_TIMEOUT, npm, "ci", "--no-audit", "--no-fund");
        assertThat(install.exit()).as("npm ci in %s:%n%s", TOOLS, install.output()).isZero();
        Files.writeString(INSTALLED, lock + "\n");
    }

    @Test
    void theDeployedModelsPassBpmnlint() throws Exception {
        List<Path> models = models();
        assertThat(models).as("BPMN files in %s", MODELS).isNotEmpty();
        Result lint = lint(models);
        if (lint.exit() != 0) {
            fail("bpmnlint found problems in " + MODELS + " (rules: " + CONFIG + "):\n" + lint.output());
        }
    }

    @Test
    void theRulesAreBpmnlintsRecommendedAndThoseOfCamunda88() throws IOException {
        String config = Files.readString(CONFIG);
        assertThat(config).contains("\"bpmnlint:recommended\"", "\"plugin:camunda-compat/camunda-cloud-8-8\"");
    }

    /** So that a configuration which loads no rules cannot pass: an unnamed start event is one of bpmnlint's errors. */
    @Test
    void theLinterFailsAModelWithAnUnnamedStartEvent(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("unnamed-start.bpmn");
        Files.writeString(model, Files.readString(MODELS.resolve("rung-investigation.bpmn"))
                .replace(" name=\"Report registered\"><bpmn:outgoing>", "><bpmn:outgoing>"));
        Result lint = lint(List.of(model));
        assertThat(lint.exit()).as(lint.output()).isNotZero();
        assertThat(lint.output()).contains("StartEvent_InvestigationRungOpened", "label-required");
    }

    private static Result lint(List<Path> models) throws Exception {
        List<String> command = new ArrayList<>(List.of(node, Path.of("node_modules", "bpmnlint", "bin", "bpmnlint.js").toString(),
                "--config", CONFIG.toAbsolutePath().toString(), "--max-warnings=0"));
        models.forEach(m -> command.add(m.toAbsolutePath().toString()));
        // run in the tools folder: bpmnlint finds its plugin and the zeebe moddle extension from the working directory
        return run(TOOLS, LINT_TIMEOUT, command.toArray(String[]::new));
    }

    private static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(MODELS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    record Result(int exit, String output) {}

    private static Result run(Path dir, Duration timeout, String... command) throws Exception {
        Path log = Files.createTempFile("bpmnlint", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + timeout + ":\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
