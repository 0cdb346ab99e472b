package io.camunda.zeebe.process.test.engine;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The Zeebe Process Test engine (in-memory log, gRPC gateway, controllable clock) with its state kept in RocksDB
 * instead of the test engine's in-memory map.
 *
 * <p>Why: the test engine's map copies its whole state into a fresh sorted map on every prefix iteration, which the
 * engine does several times per command. With a few thousand open complaints the state holds hundreds of thousands of
 * keys, and every command pays for copying all of them: throughput collapses as the number of open complaints grows.
 * Zeebe's own RocksDB state (the one the real broker uses, shipped in zeebe-db) iterates prefixes in place and keeps
 * the state off the Java heap. Everything else is the test engine's own parts, which are package-private — hence
 * this class lives in the test engine's package. The record log stays in memory, as in the test engine; the state
 * directory is thrown away with the engine (the ledger is the system of record).
 */
public final class RocksDbTestEngines {

    private static final int PARTITION = 1;
    private static final int PARTITION_COUNT = 1;

    private RocksDbTestEngines() {}

    /** A built engine and its record log. */
    public record Built(ZeebeTestEngine engine, EngineLog log) {}

    /**
     * Builds (not starts) an engine listening on {@code host}:{@code port} whose state lives under {@code stateDirectory},
     * which must not exist or be empty. The gateway has no authentication, so {@code host} should be a loopback
     * address: anyone who reaches it can publish messages and cancel instances.
     */
    public static Built create(String host, int port, File stateDirectory, long stateMemoryBytes) {
        ControlledActorClock clock = new ControlledActorClock();
        ActorScheduler scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
        scheduler.start();

        EngineLog log = new EngineLog(PARTITION);
        InMemoryLogStorage logStorage = new EngineLog.CountingStorage(log);
        LogStream logStream = LogStream.builder().withPartitionId(PARTITION).withLogStorage(logStorage)
                .withClock(clock).withMeterRegistry(new SimpleMeterRegistry()).build();
        log.attach(logStream);
        CommandWriter commandWriter = new CommandWriter(logStream.newLogStreamWriter());
        CommandSender commandSender = new CommandSender(commandWriter);
        GatewayRequestStore requests = new GatewayRequestStore();
        InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
        GrpcToLogStreamGateway gateway = new GrpcToLogStreamGateway(commandWriter, PARTITION, PARTITION_COUNT, port,
                requests, jobStreamer);
        var grpcServer = NettyServerBuilder.forAddress(new InetSocketAddress(host, port)).addService(gateway).build();
        GrpcResponseWriter responses = new GrpcResponseWriter(gateway, requests, null);

        ZeebeDb<ZbColumnFamilies> state = rocksDb(stateDirectory, stateMemoryBytes);
        SecurityConfiguration security = new SecurityConfiguration();
        security.getAuthorizations().setEnabled(false);
        StreamProcessor processor = StreamProcessor.builder()
                .logStream(logStream)
                .zeebeDb(state)
                .commandResponseWriter(responses)
                .partitionCommandSender(commandSender)
                .recordProcessors(List.of(new Engine(context -> EngineProcessors.createEngineProcessors(context,
                        PARTITION_COUNT, new SubscriptionCommandSender(context.getPartitionId(), commandSender),
                        commandSender, FeatureFlags.createDefault(), jobStreamer, SearchClientsProxy.noop(),
                        new BrokerRequestAuthorizationConverter(security)), new EngineConfiguration(), security)))
                .actorSchedulingService(scheduler)
                .clock(new ControllableStreamClockImpl(clock))
                .meterRegistry(new SimpleMeterRegistry())
                .build();

        EngineStateMonitor monitor = new EngineStateMonitor(logStorage, processor);
        RecordStreamSourceImpl records = new RecordStreamSourceImpl(logStream.newLogStreamReader(), PARTITION);
        return new Built(new InMemoryEngine(grpcServer, processor, gateway, state, logStream, scheduler, records, clock, monitor),
                log);
    }

    private static ZeebeDb<ZbColumnFamilies> rocksDb(File directory, long memoryBytes) {
        // No write-ahead log: the state is rebuilt from the ledger after any restart, never recovered from disk.
        RocksDbConfiguration configuration = new RocksDbConfiguration().setWalDisabled(true).setMemoryLimit(memoryBytes);
        ZeebeRocksDbFactory<ZbColumnFamilies> factory = new ZeebeRocksDbFactory<>(configuration,
                new ConsistencyChecksSettings(), new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, PARTITION),
                SimpleMeterRegistry::new);
        return factory.createDb(directory);
    }
}
