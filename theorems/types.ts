/**
 * The claim registry's types (docs/architecture.md, "Claim"). A claim is one checkable statement from one
 * source, written once here and rendered by every report.
 */
import type { CapabilityName } from '../impl/capabilities/index.js';

/**
 * - bound: an inequality that must hold on every sampled input;
 * - rate: an empirical rate (slope, contraction factor) compared with the theoretical one;
 * - probabilistic: holds with probability ≥ p₀; judged by an exact binomial interval;
 * - limit: an error that must vanish as a parameter → 0 or depth → ∞; judged by a fitted slope.
 */
export type ClaimKind = 'bound' | 'rate' | 'probabilistic' | 'limit';

/**
 * asserted: a violation fails the run. exploratory: measured and reported, never fails the run
 * (not a paper claim, or a constant that is not public). negative-control: a regime where the claim's
 * hypotheses are broken on purpose, shown to demonstrate that the check can fail.
 */
export type ClaimRole = 'asserted' | 'exploratory' | 'negative-control';

/** Where a line of a claim comes from; the tags of ../shared/specs. */
export type SourceTag = 'paper' | 'author-code' | 'standard' | 'derived' | 'empirical' | 'not-found';

export interface SourceRef {
  /** Short citation: "Peyré & Cuturi 2019", "Daneshmand 2024". */
  readonly work: string;
  /** Theorem, equation, figure or file: "Thm 4.2, eq. (4.22)". */
  readonly locator: string;
  readonly arxiv?: string;
  readonly tag: SourceTag;
}

export interface Claim {
  /** Stable dotted id: "sinkhorn.birkhoff-contraction". */
  readonly id: string;
  /** The id's first segment (sinkhorn, ot-transformer, energy, heat, …); derived by defineClaim, never written. */
  readonly family: string;
  readonly title: string;
  readonly kind: ClaimKind;
  readonly role: ClaimRole;
  /** First entry is the primary source. */
  readonly sources: readonly SourceRef[];
  /** The statement in our notation, Markdown with $…$ LaTeX. */
  readonly statement: string;
  /** The input domain the property samples. */
  readonly hypotheses: string;
  /** How the verdict is reached (tolerance analysis, statistics). */
  readonly verdictRule: string;
  /** Errata, misprints, caveats the report must show next to the claim. */
  readonly notes?: readonly string[];
  /** Capabilities of the implementation under test the claim needs. */
  readonly requires: readonly CapabilityName[];
}
