/**
 * The one constructor of claim records. A claim's family is the first segment of its dotted id, so it is derived
 * here and never written by hand.
 */
import type { Claim } from './types.js';

/** What a claim file writes: the record without its family. */
export type ClaimRecord = Omit<Claim, 'family'>;

/** The family of a dotted claim id ("sinkhorn.birkhoff-contraction" → "sinkhorn"). */
function familyOf(id: string): string {
  const dot = id.indexOf('.');
  if (dot <= 0 || dot === id.length - 1) throw new Error(`claim id '${id}' is not a dotted family.name id`);
  return id.slice(0, dot);
}

/** A claim record with its family derived from its id. */
export function defineClaim(record: ClaimRecord): Claim {
  const { id, ...rest } = record;
  return { id, family: familyOf(id), ...rest };
}
