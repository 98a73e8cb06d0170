export interface Measured {
  name: string;
  value: number;
  target: number;
  unit: string;
}
export const POPUP_FIRST_PAINT_GZIP_KB: number;
export function verdicts(measured: Measured[]): { lines: string[]; missed: number };
export function strictRequested(argv?: readonly string[], env?: Record<string, string | undefined>): boolean;
