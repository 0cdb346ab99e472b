/**
 * The engine side: the embedded Zeebe engine (default mode), deployment, start/resume/re-plan of a complaint's ladder,
 * message publishing, the thin job workers that hand the rungs' service tasks to the ledger, and the checks of engine
 * against ledger (the administrator's report and the mending sweep).
 *
 * <p>Two classes of this feature live outside this folder, under src/main/java/io/camunda/zeebe/process/test/engine:
 * {@code RocksDbTestEngines} wires the test engine's package-private parts to Zeebe's RocksDB state, and
 * {@code EngineLog} counts and reads the engine's record log; both must sit in the test engine's package.
 * {@link kz.shagym.escalation.EmbeddedEngine} builds and reads them (the consistency check retries on EngineLog.ClosedException).
 */
package kz.shagym.escalation;
