/**
 * A JSON reader for big HAR files. `JSON.parse` of a 200 MB HAR needs the whole text as one
 * string (twice its size in memory once it holds a non-ASCII character, and impossible past
 * V8's 512 MB string limit) and then builds every body, stack trace and timing. Tabgrade
 * reads a few fields of each entry and the bodies of a handful, so this reader works on the
 * file's bytes and builds only the members a `Shape` names: everything else is checked for
 * structure and stepped over without making strings. A string the shape marks as a `body`
 * stays in the file as a `StoredText`, decoded only if something reads it.
 *
 * It accepts every JSON text and gives the same values `JSON.parse` gives for the members it
 * builds. It is more forgiving than `JSON.parse` in two ways: a raw control character in a
 * string is kept, and inside what it steps over escapes and number syntax are not checked (a
 * broken field that Tabgrade never reads should not cost the grade). No recursion: nesting
 * depth is bounded only by the file.
 */
import { HarError } from './error';

/**
 * Which members of a value to build: `value` builds it whole, as `JSON.parse` would; `body`
 * too, except that a string stays in the file as a `StoredText`; `fields` is an object of
 * which only the named members are built; `items` is an array whose items have that shape.
 * A value of the wrong kind for its shape (an array where `fields` expects an object) is
 * built as an empty value of its own kind, enough for the reader to say what is wrong.
 */
export type Shape = 'value' | 'body' | { readonly fields: Readonly<Record<string, Shape>> } | { readonly items: Shape };

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decodes the JSON string whose characters (quotes excluded) are `bytes[start, end)`; null when an escape is invalid. */
function decodeString(bytes: Uint8Array, start: number, end: number): string | null {
  const raw = decoder.decode(bytes.subarray(start, end));
  let slash = raw.indexOf('\\');
  if (slash === -1) return raw;
  try {
    // The engine's own unescaping is much faster on a big body full of `\n` and `\"`.
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    // A raw control character (which JSON.parse refuses and this reader allows) or a bad escape.
  }
  let out = '';
  let from = 0;
  while (slash !== -1) {
    out += raw.slice(from, slash);
    const code = raw[slash + 1] ?? '';
    if (code === 'u') {
      const hex = raw.slice(slash + 2, slash + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return null;
      out += String.fromCharCode(parseInt(hex, 16));
      from = slash + 6;
    } else {
      const replacement = ESCAPES[code];
      if (replacement === undefined) return null;
      out += replacement;
      from = slash + 2;
    }
    slash = raw.indexOf('\\', from);
  }
  return out + raw.slice(from);
}

/** A string still in the file's bytes, decoded when `read()` is called: a body no check reads costs nothing. */
export class StoredText {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly start: number,
    private readonly end: number,
  ) {}

  /** The string, decoded anew at each call. An invalid escape (the scan did not check) is kept as written. */
  read(): string {
    return decodeString(this.bytes, this.start, this.end) ?? decoder.decode(this.bytes.subarray(this.start, this.end));
  }
}

interface Frame {
  readonly isArray: boolean;
  /** What is being built; undefined while stepping over a skipped value. */
  readonly container: Record<string, unknown> | unknown[] | undefined;
  /** The shape of the container's members (null: step over them). */
  readonly shape: Shape | null;
  /** The member being read, in an object. */
  key: string;
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** JSON number syntax (RFC 8259 §6). */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function isNumberByte(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || byte === 0x2d || byte === 0x2b || byte === 0x2e || byte === 0x45 || byte === 0x65);
}

class Scanner {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {
    // A UTF-8 byte-order mark, which some Windows tools write.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.pos = 3;
  }

  parse(root: Shape): unknown {
    const stack: Frame[] = [];
    let shape: Shape | null = root;
    for (;;) {
      let value: unknown;
      const byte = this.peek();
      if (byte === 0x7b || byte === 0x5b) {
        this.pos++;
        const frame = this.open(byte === 0x5b, shape);
        if (this.peek() !== (frame.isArray ? 0x5d : 0x7d)) {
          stack.push(frame);
          if (!frame.isArray) this.readKey(frame);
          shape = childShape(frame);
          continue;
        }
        this.pos++;
        value = frame.container;
      } else {
        value = this.scalar(shape);
      }
      // Attach the value to its parent, closing every container that ends after it.
      for (;;) {
        const parent = stack[stack.length - 1];
        if (parent === undefined) {
          if (this.peek() !== undefined) throw this.error('unexpected text after the end of the JSON value');
          return value;
        }
        attach(parent, value);
        const next = this.peek();
        if (next === 0x2c) {
          this.pos++;
          if (!parent.isArray) this.readKey(parent);
          shape = childShape(parent);
          break;
        }
        if (next !== (parent.isArray ? 0x5d : 0x7d)) throw this.error(parent.isArray ? 'expected "," or "]"' : 'expected "," or "}"');
        this.pos++;
        stack.pop();
        value = parent.container;
      }
    }
  }

  private open(isArray: boolean, shape: Shape | null): Frame {
    if (shape === null) return { isArray, container: undefined, shape: null, key: '' };
    const container = isArray ? [] : {};
    if (shape === 'value' || shape === 'body') return { isArray, container, shape: 'value', key: '' };
    // The right kind for the shape, or an empty value of the kind the file has.
    const fits = isArray ? 'items' in shape : 'fields' in shape;
    return { isArray, container, shape: fits ? shape : null, key: '' };
  }

  /** The next byte after white space, or undefined at the end. */
  private peek(): number | undefined {
    const bytes = this.bytes;
    let pos = this.pos;
    while (isSpace(bytes[pos])) pos++;
    this.pos = pos;
    return bytes[pos];
  }

  private readKey(frame: Frame): void {
    if (this.peek() !== QUOTE) throw this.error('expected a member name in double quotes');
    const [start, end] = this.stringBounds();
    const shape = frame.shape;
    if (shape === 'value') {
      const key = decodeString(this.bytes, start, end);
      if (key === null) throw this.error('invalid escape in a member name', start);
      frame.key = key;
    } else if (shape !== null && typeof shape === 'object' && 'fields' in shape) {
      frame.key = this.memberName(shape, start, end);
    }
    // Elsewhere the members are stepped over, and their names do not matter.
    if (this.peek() !== 0x3a) throw this.error('expected ":"');
    this.pos++;
  }

  /** Which of the shape's members the name in `bytes[start, end)` is ('' for none), mostly without decoding it. */
  private memberName(shape: FieldsShape, start: number, end: number): string {
    const bytes = this.bytes;
    let escaped = false;
    for (let i = start; i < end && !escaped; i++) escaped = bytes[i] === BACKSLASH;
    if (escaped) {
      const key = decodeString(bytes, start, end);
      return key !== null && Object.hasOwn(shape.fields, key) ? key : '';
    }
    for (const [name, encoded] of namesOf(shape)) {
      if (encoded.length !== end - start) continue;
      let same = true;
      for (let i = 0; i < encoded.length && same; i++) same = encoded[i] === bytes[start + i];
      if (same) return name;
    }
    return '';
  }

  /** Steps over a string starting at the current quote; returns where its characters are. */
  private stringBounds(): [number, number] {
    const bytes = this.bytes;
    const start = this.pos + 1;
    let from = start;
    for (;;) {
      const quote = bytes.indexOf(QUOTE, from);
      if (quote === -1) throw this.error('a string is not closed', start - 1);
      let slashes = 0;
      while (bytes[quote - 1 - slashes] === BACKSLASH) slashes++;
      if (slashes % 2 === 0) {
        this.pos = quote + 1;
        return [start, quote];
      }
      from = quote + 1;
    }
  }

  private scalar(shape: Shape | null): unknown {
    const byte = this.bytes[this.pos];
    if (byte === QUOTE) {
      const at = this.pos;
      const [start, end] = this.stringBounds();
      if (shape === null) return undefined;
      if (shape === 'body') return new StoredText(this.bytes, start, end);
      const text = decodeString(this.bytes, start, end);
      if (text === null) throw this.error('invalid escape in a string', at);
      return text;
    }
    if (isNumberByte(byte)) {
      const start = this.pos;
      while (isNumberByte(this.bytes[this.pos])) this.pos++;
      if (shape === null) return undefined;
      const text = decoder.decode(this.bytes.subarray(start, this.pos));
      if (!NUMBER.test(text)) throw this.error(`invalid number ${text.slice(0, 20)}`, start);
      return Number(text);
    }
    for (const [word, value] of LITERALS) {
      if (this.startsWith(word)) {
        this.pos += word.length;
        return value;
      }
    }
    if (byte === undefined) throw this.error('unexpected end of the file');
    throw this.error(`unexpected character ${JSON.stringify(String.fromCharCode(byte))}`);
  }

  private startsWith(word: string): boolean {
    for (let i = 0; i < word.length; i++) if (this.bytes[this.pos + i] !== word.charCodeAt(i)) return false;
    return true;
  }

  /** A HarError naming the line and column of `at`. */
  private error(problem: string, at = this.pos): HarError {
    let line = 1;
    let lineStart = 0;
    for (let i = this.bytes.indexOf(0x0a); i !== -1 && i < at; i = this.bytes.indexOf(0x0a, i + 1)) {
      line++;
      lineStart = i + 1;
    }
    const where = at >= this.bytes.length ? 'at the end of the file' : `at line ${line}, column ${at - lineStart + 1}`;
    return new HarError(`not a HAR file: not valid JSON (${problem} ${where})`);
  }
}

const LITERALS: ReadonlyArray<readonly [string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];

type FieldsShape = Extract<Shape, { fields: unknown }>;

const encoder = new TextEncoder();
const NAMES = new WeakMap<FieldsShape, ReadonlyArray<readonly [string, Uint8Array]>>();

/** A shape's member names with their UTF-8 bytes, to match names in the file without decoding them. */
function namesOf(shape: FieldsShape): ReadonlyArray<readonly [string, Uint8Array]> {
  let names = NAMES.get(shape);
  if (names === undefined) {
    names = Object.keys(shape.fields).map((name) => [name, encoder.encode(name)] as const);
    NAMES.set(shape, names);
  }
  return names;
}

function childShape(frame: Frame): Shape | null {
  const shape = frame.shape;
  if (shape === null || frame.container === undefined) return null;
  if (shape === 'value' || shape === 'body') return 'value';
  if ('items' in shape) return shape.items;
  return frame.key !== '' && Object.hasOwn(shape.fields, frame.key) ? (shape.fields[frame.key] ?? null) : null;
}

/** Adds a built value to its container; a skipped one (undefined) is left out. */
function attach(frame: Frame, value: unknown): void {
  const container = frame.container;
  if (value === undefined || container === undefined) return;
  if (Array.isArray(container)) container.push(value);
  // `__proto__` is an ordinary member in JSON (as JSON.parse makes it), not the prototype.
  else if (frame.key === '__proto__') Object.defineProperty(container, frame.key, { value, writable: true, enumerable: true, configurable: true });
  else container[frame.key] = value;
}

/** The JSON value in `bytes` (UTF-8), built as far as `shape` asks; throws a one-line HarError. */
export function scanJson(bytes: Uint8Array, shape: Shape = 'value'): unknown {
  return new Scanner(bytes).parse(shape);
}
