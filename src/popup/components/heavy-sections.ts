/** The sections LazySections.tsx loads after the rest of the details: one chunk for all three. */
export { PageSection } from './PageSection';
export { BuilderSection } from './BuilderSection';
export { ExportBar } from './ExportBar';
