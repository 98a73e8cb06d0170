export interface PairedRatio {
  value: number;
  low: number;
  high: number;
  turns: number;
}
export function median(values: readonly number[]): number;
export function pairedRatios(numerators: readonly number[], denominators: readonly number[]): number[];
export function pairedRatio(numerators: readonly number[], denominators: readonly number[], options?: { resamples?: number; seed?: number }): PairedRatio;
