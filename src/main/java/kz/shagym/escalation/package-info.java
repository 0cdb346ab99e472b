/**
 * The engine side: the embedded Zeebe engine (default mode), deployment, start/resume/re-plan of a complaint's ladder,
 * message publishing, and the thin job workers that hand the rungs' service tasks to the ledger.
 *
 * <p>One class of this feature lives outside this folder: {@code io.camunda.zeebe.process.test.engine.RocksDbTestEngines}
 * (under src/main/java/io/camunda/...) wires the test engine's package-private parts to Zeebe's RocksDB state, and so
 * must sit in the test engine's package. {@link kz.shagym.escalation.EmbeddedEngine} is its only user.
 */
package kz.shagym.escalation;
