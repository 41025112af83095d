/**
 * The accuracy table a float32 implementation's operations follow: 'ieee-754' (round to nearest: tfjs
 * cpu, wasm, tensorflow) or 'wgsl' (the WebGPU shading language's looser table: tfjs on webgpu). The
 * suite derives its tolerances from it (properties/tolerance.ts); absent means 'ieee-754'.
 */
export type ArithmeticName = 'ieee-754' | 'wgsl';

/** What every capability states about itself: its name in reports and the arithmetic it computes in. */
export interface NumericCapability {
  readonly name: string;
  /** Arithmetic the implementation computes in; tolerances are derived from its unit roundoff. */
  readonly precision: 'float32' | 'float64';
  /** Accuracy table of its float32 operations (capabilities/arithmetic.ts); absent: 'ieee-754'. */
  readonly arithmetic?: ArithmeticName;
}
