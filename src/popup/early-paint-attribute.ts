/**
 * Marks what the early script paints (early-grade.ts), so that main.tsx can tell a grade
 * card painted before the app from the empty root, without loading the painter itself.
 */
export const EARLY_PAINT_ATTRIBUTE = 'data-early-paint';
