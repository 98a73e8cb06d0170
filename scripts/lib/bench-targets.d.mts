export interface Measured {
  name: string;
  value: number;
  target: number;
  unit: string;
  interval?: { low: number; high: number };
}
export const POPUP_FIRST_PAINT_GZIP_KB: number;
export const TARGETS: Record<string, { name: string; target: number; unit: string }>;
export function coreMeasurements(report: unknown): Measured[];
export function verdicts(measured: Measured[]): { lines: string[]; missed: number };
export function strictRequested(argv?: readonly string[], env?: Record<string, string | undefined>): boolean;
