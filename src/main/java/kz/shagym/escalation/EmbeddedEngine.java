package kz.shagym.escalation;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineLog;
import io.camunda.zeebe.process.test.engine.RocksDbTestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import kz.shagym.clock.ClockListeners;
import kz.shagym.clock.ShagymClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory Zeebe engine of Zeebe Process Test, embedded for laptop and default mode. It keeps every record in
 * memory and nothing across restarts: the ledger is the system of record, and the engine can be thrown away and
 * rebuilt (see {@link EngineSupervisor}) whenever it grows too large.
 */
public class EmbeddedEngine implements ClockListeners.Listener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEngine.class);

    private final String host;
    private final int port;
    private final ShagymClock clock;
    private final Path stateRoot;
    private final long stateMemoryBytes;
    private final AtomicInteger generation = new AtomicInteger();
    private volatile ZeebeTestEngine engine;
    /** The current engine's record log, counted as it grows (RocksDB state only; the test engine's own build has none). */
    private volatile EngineLog recordLog;
    private Path stateDirectory;

    EmbeddedEngine(String host, int port, ShagymClock clock, Path stateRoot, long stateMemoryBytes) {
        this.host = host;
        this.port = port;
        this.clock = clock;
        this.stateRoot = stateRoot;
        this.stateMemoryBytes = stateMemoryBytes;
        // A previous process killed mid-run leaves its engine state behind; it is worthless without that engine's log.
        deleteRecursively(stateRoot);
        log.warn("The embedded Zeebe engine (Zeebe Process Test) is licensed for non-production use only (Zeebe Community "
                + "License 1.1, its engine Camunda License 1.0): it is here for development, evaluation and demonstration. "
                + "Run production against Camunda 8 SaaS or a licensed Self-Managed cluster (profile 'production').");
        start();
    }

    /** Starts a fresh engine on the same port (the client reconnects by itself) with the application's clock offset. */
    synchronized void start() {
        // Checked before anything is built: an engine whose gateway failed to bind cannot even be stopped cleanly.
        requirePortFree();
        stateDirectory = stateRoot.resolve("generation-" + (generation.get() + 1));
        createDirectories(stateRoot);
        RocksDbTestEngines.Built built = RocksDbTestEngines.create(host, port, stateDirectory.toFile(), stateMemoryBytes);
        ZeebeTestEngine fresh = built.engine();
        recordLog = built.log();
        try {
            fresh.start();
        } catch (RuntimeException e) {
            if (addressInUse(e)) { // taken between the check and the start
                throw new EnginePortInUse(host, port);
            }
            throw e;
        }
        // The engine's clock starts at system time; keep it where the application's clock is.
        if (!clock.offset().isZero()) {
            fresh.increaseTime(clock.offset());
        }
        engine = fresh;
        log.info("Embedded Zeebe engine #{} listening on {}:{}", generation.incrementAndGet(), host, port);
    }

    synchronized void stop() {
        if (engine != null) {
            engine.stop();
            engine = null;
        }
        if (stateDirectory != null) {
            deleteRecursively(stateDirectory);
            stateDirectory = null;
        }
    }

    private void requirePortFree() {
        if (generation.get() > 0) {
            return; // a replacement: the port was the old engine's until just now
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.net.BindException e) {
            throw new EnginePortInUse(host, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the embedded engine's port " + host + ":" + port, e);
        }
    }

    private static boolean addressInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the engine state directory " + directory, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete the old engine state under {}: {}", directory, e.getMessage());
        }
    }

    synchronized void replace() {
        stop();
        start();
    }

    public int generation() {
        return generation.get();
    }

    int port() {
        return port;
    }

    @Override
    public void clockAdvanced(Duration by) {
        ZeebeTestEngine current = engine;
        if (current != null) {
            current.increaseTime(by);
        }
    }

    /**
     * The records the engine keeps in memory: counted as they are written (the test engine's own build, state store
     * "memory", has no counter and decodes and keeps every record to count them).
     */
    long recordCount() {
        EngineLog current = recordLog;
        if (current != null) {
            return current.records();
        }
        ZeebeTestEngine engineNow = engine;
        if (engineNow == null) {
            return 0;
        }
        long count = 0;
        for (var ignored : engineNow.getRecordStreamSource().getRecords()) {
            count++;
        }
        return count;
    }

    /** Bytes of record log in memory (-1 where not counted: state store "memory"). */
    public long logBytes() {
        EngineLog current = recordLog;
        return current == null ? -1 : current.bytes();
    }

    /**
     * Every record, oldest first, each decoded for {@code action} and then dropped: for checks over the whole log in
     * the running application, which must not leave the log's decoded copy (eight times its size) behind.
     */
    public void forEachRecord(java.util.function.Consumer<io.camunda.zeebe.protocol.record.Record<?>> action) {
        EngineLog current = recordLog;
        if (current != null) {
            current.forEachRecord(action);
        } else {
            records().forEach(action);
        }
    }

    /**
     * Every record the engine holds, oldest first, for tests: the test engine decodes them once and keeps them (about
     * 4 KB of heap each) until the engine is replaced, so the running application uses {@link #forEachRecord}.
     */
    public Iterable<io.camunda.zeebe.protocol.record.Record<?>> records() {
        ZeebeTestEngine current = engine;
        return current == null ? java.util.List.of() : current.getRecordStreamSource().getRecords();
    }

    /** Waits until the engine has processed everything it was sent (tests and benchmarks only). */
    public void awaitIdle(Duration timeout) {
        try {
            engine.waitForIdleState(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("engine not idle after " + timeout, e);
        }
    }

    /** Heap still in use after the last garbage collection, as a fraction of the maximum heap: growth that GC cannot undo. */
    static double heapAfterGcFraction() {
        long used = 0;
        long max = Runtime.getRuntime().maxMemory();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()) {
                MemoryUsage afterGc = pool.getCollectionUsage();
                if (afterGc != null) {
                    used += afterGc.getUsed();
                }
            }
        }
        return max <= 0 ? 0 : (double) used / max;
    }

    @Override
    public void close() {
        stop();
    }
}
