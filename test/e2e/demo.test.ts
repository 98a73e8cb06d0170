/**
 * The README's run command ends in `node scripts/demo.mjs` (after building): run that part
 * against the built extension in real Chromium, as a newcomer's `npm start` does, and check
 * that standard output is only the report, in a format that parses.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { reportSchemaErrors } from '../helpers/report-schema';

const ROOT = resolve(__dirname, '../..');

describe('npm start (the demo)', () => {
  it('prints only the JSON report on standard output, progress on standard error', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['scripts/demo.mjs', '--format', 'json'], { cwd: ROOT, maxBuffer: 20_000_000 });
    const report = JSON.parse(stdout) as { grade: string; stack: { layers: { application: string; server: string } }; libraries: Array<{ name: string; version: string }> };
    expect(reportSchemaErrors(report)).toEqual([]);
    // The demo is a Django shop behind Apache with an old jQuery from a widget.
    expect(report.stack.layers).toMatchObject({ application: 'django', server: 'apache' });
    expect(report.libraries.map((library) => `${library.name} ${library.version}`)).toContain('jQuery 1.12.4');
    expect(stderr).toContain('Auditing the built-in demo site');
  });
});
