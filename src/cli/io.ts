/** What the CLI reads and writes, as an interface so tests can run it without a terminal. */
import { constants } from 'node:fs';
import { access, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A file's contents: its bytes (what `nodeIo` gives, see `har-input.ts`) or its text. */
  readFile(path: string): Promise<Uint8Array | string>;
  readStdin(): Promise<Uint8Array | string>;
  writeFile(path: string, text: string): Promise<void>;
  /**
   * Rejects, with a Node error code, when `path` could not be written: no such folder
   * (ENOENT), not a folder (ENOTDIR), permission denied (EACCES), a directory (EISDIR).
   * Checked before a long run, so a typo in an output path fails at once.
   */
  checkWritable(path: string): Promise<void>;
}

function codeError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

async function checkWritable(path: string): Promise<void> {
  const folder = dirname(resolve(path));
  if (!(await stat(folder)).isDirectory()) throw codeError('ENOTDIR', `${folder} is not a folder`);
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory() === true) throw codeError('EISDIR', `${path} is a directory`);
  // An existing file must be writable; a new one needs a writable folder.
  await access(existing === null ? folder : path, constants.W_OK);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    // Bytes, not text: a HAR is read without first becoming one string (har-input.ts).
    readFile: (path) => readFile(path),
    readStdin: () => readAll(process.stdin),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    checkWritable,
  };
}
