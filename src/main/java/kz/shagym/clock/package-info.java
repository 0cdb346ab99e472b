/** Application time: one clock shared by the ledger and (in embedded mode) the engine. */
package kz.shagym.clock;
