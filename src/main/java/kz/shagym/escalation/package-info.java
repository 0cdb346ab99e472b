/**
 * The engine side: the embedded Zeebe engine (default mode), deployment, start/resume/re-plan of a complaint's ladder,
 * message publishing, and the thin job workers that hand the rungs' service tasks to the ledger.
 */
package kz.shagym.escalation;
