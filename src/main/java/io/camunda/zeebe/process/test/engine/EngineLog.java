package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.stream.impl.TypedEventRegistry;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The embedded engine's record log as the application watches it: how many records and bytes it holds, counted as
 * they are appended, and a read of every record that keeps none of them decoded.
 *
 * <p>Why: the test engine's own record source decodes each record into a Java object (about 4 KB of heap, eight times
 * the record's ~0.5 KB in the log) the first time anyone lists the records, and keeps it for good. Counting records
 * through it, as the engine watch did every few minutes, made every record cost that much until the engine was
 * replaced; the counters here cost nothing, and a consistency check's read leaves nothing behind.
 */
public final class EngineLog {

    private final AtomicLong records = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final int partition;
    private volatile LogStream stream;

    EngineLog(int partition) {
        this.partition = partition;
    }

    void attach(LogStream logStream) {
        this.stream = logStream;
    }

    /** Records written so far (log positions count records from 1). */
    public long records() {
        return records.get();
    }

    /** Bytes of the record log held in memory. */
    public long bytes() {
        return bytes.get();
    }

    /**
     * Every record, oldest first, decoded one at a time and dropped after {@code action} has seen it.
     *
     * @throws ClosedException the engine was stopped (replaced) before or while its log was read
     */
    public void forEachRecord(Consumer<Record<?>> action) {
        LogStreamReader opened;
        try {
            opened = stream.newLogStreamReader();
        } catch (IllegalStateException closed) {
            throw new ClosedException(closed);
        }
        try (LogStreamReader reader = opened) {
            reader.seekToFirstEvent();
            while (reader.hasNext()) {
                action.accept(decoded(reader.next()));
            }
        }
    }

    private Record<?> decoded(LoggedEvent event) {
        RecordMetadata metadata = new RecordMetadata();
        event.readMetadata(metadata);
        UnifiedRecordValue value;
        try {
            value = TypedEventRegistry.EVENT_REGISTRY.get(metadata.getValueType()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no record value type for " + metadata.getValueType(), e);
        }
        event.readValue(value);
        return new CopiedRecord<>(value, metadata, event.getKey(), partition, event.getPosition(),
                event.getSourceEventPosition(), event.getTimestamp());
    }

    /** The log belongs to an engine that has been stopped: read the engine that replaced it. */
    public static final class ClosedException extends IllegalStateException {
        ClosedException(Throwable cause) {
            super("the engine's log is closed: the engine was stopped or replaced", cause);
        }
    }

    /** The test engine's in-memory log storage, counting what is appended to it. */
    static final class CountingStorage extends InMemoryLogStorage {

        private final EngineLog log;

        CountingStorage(EngineLog log) {
            this.log = log;
        }

        @Override
        public void append(long lowestPosition, long highestPosition, ByteBuffer block, AppendListener listener) {
            log.bytes.addAndGet(block.remaining());
            log.records.accumulateAndGet(highestPosition, Math::max);
            super.append(lowestPosition, highestPosition, block, listener);
        }
    }
}
