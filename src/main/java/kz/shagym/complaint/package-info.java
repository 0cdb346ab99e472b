/**
 * Complaints: intake, the events that move them up the ladder, the case ledger (the system of record) and its REST API.
 * {@link kz.shagym.complaint.Ladder} holds the ladder's rules; the engine only keeps time and runs the rungs' tasks.
 */
package kz.shagym.complaint;
