import { InputError } from './errors';

/**
 * A small JSON walker that knows where things are: the first syntax error (offset and what was expected) and the
 * offset of the value at a path. JSON.parse does the real parsing; this only runs when something is wrong, so
 * error positions are the same in every JavaScript engine (their SyntaxError messages all differ).
 */

type Path = readonly (string | number)[];

class SyntaxProblem {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

class Found {
  constructor(readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

class JsonWalker {
  pos = 0;
  /** Offset of the deepest value on the way to the target path, for when the full path does not exist. */
  best: { offset: number; depth: number } | undefined;

  constructor(
    private readonly text: string,
    private readonly target?: Path,
    /** Stop at the property name of the target rather than its value (for "unknown property" errors). */
    private readonly atKey = false,
  ) {}

  private found(): string {
    if (this.pos >= this.text.length) return 'the end of the input';
    return JSON.stringify(this.text[this.pos]);
  }

  fail(expected: string): never {
    throw new SyntaxProblem(this.pos, `expected ${expected}, found ${this.found()}`);
  }

  ws(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos])) this.pos++;
  }

  private onTargetPath(path: Path): boolean {
    const target = this.target;
    if (!target || path.length > target.length) return false;
    return path.every((part, i) => part === target[i]);
  }

  value(path: Path): void {
    this.ws();
    if (this.onTargetPath(path)) {
      if (path.length === this.target?.length) throw new Found(this.pos);
      this.best = { offset: this.pos, depth: path.length };
    }
    const c = this.text[this.pos];
    if (c === '{') this.object(path);
    else if (c === '[') this.array(path);
    else if (c === '"') this.string();
    else if (c === '-' || (c >= '0' && c <= '9')) this.number();
    else this.literal();
  }

  private object(path: Path): void {
    this.pos++;
    this.ws();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.ws();
      if (this.text[this.pos] !== '"') this.fail('a property name in double quotes');
      const keyStart = this.pos;
      const key = this.string();
      const keyPath = [...path, key];
      if (this.atKey && this.target?.length === keyPath.length && this.onTargetPath(keyPath)) throw new Found(keyStart);
      this.ws();
      if (this.text[this.pos] !== ':') this.fail("':' after a property name");
      this.pos++;
      this.value(keyPath);
      this.ws();
      const c = this.text[this.pos];
      this.pos++;
      if (c === '}') return;
      if (c !== ',') {
        this.pos--;
        this.fail("',' or '}' after a property value");
      }
    }
  }

  private array(path: Path): void {
    this.pos++;
    this.ws();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      this.value([...path, index]);
      this.ws();
      const c = this.text[this.pos];
      this.pos++;
      if (c === ']') return;
      if (c !== ',') {
        this.pos--;
        this.fail("',' or ']' after an array element");
      }
    }
  }

  /** Reads a string and returns its value (property names are compared with the target path). */
  private string(): string {
    const start = this.pos;
    this.pos++;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('a closing double quote');
      if (c === '"') {
        this.pos++;
        return JSON.parse(this.text.slice(start, this.pos)) as string;
      }
      if (c === '\\') {
        ESCAPE.lastIndex = this.pos;
        if (!ESCAPE.test(this.text)) this.fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
        this.pos = ESCAPE.lastIndex;
      } else if (c < ' ') {
        this.fail('a character (control characters such as a line break must be escaped in a string)');
      } else {
        this.pos++;
      }
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.pos;
    if (!NUMBER.test(this.text)) this.fail('a number');
    this.pos = NUMBER.lastIndex;
  }

  private literal(): void {
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail('a value (object, array, string, number, true, false or null)');
  }
}

/** 1-based line and column of an offset; \r\n, \n and \r all end a line. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The first syntax error in a JSON text, or undefined if the walker finds none (or the nesting is too deep). */
export function findJsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  const walker = new JsonWalker(text);
  try {
    walker.value([]);
    walker.ws();
    if (walker.pos < text.length) walker.fail('the end of the input');
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxProblem) return { offset: error.offset, message: error.message };
    return undefined;
  }
}

/**
 * Where the value at `path` is in a valid JSON text (or its property name, with `atKey`): `exact` when the path
 * exists, else the offset of the deepest value on the way there (a missing property, a shorthand form).
 */
export function findJsonPath(text: string, path: Path, atKey = false): { offset: number; exact: boolean } | undefined {
  const walker = new JsonWalker(text, path, atKey);
  try {
    walker.value([]);
  } catch (error) {
    if (error instanceof Found) return { offset: error.offset, exact: true };
    if (!(error instanceof SyntaxProblem) && !(error instanceof RangeError)) throw error;
  }
  return walker.best && { offset: walker.best.offset, exact: false };
}

/** Where a native JSON.parse message points, for the rare error our own scanner does not find. */
function positionFromMessage(body: string, message: string): { line: number; column: number } | undefined {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  return pos ? lineColumnAt(body, Number(pos[1])) : undefined;
}

/**
 * Parses a JSON document the way every importer does: a byte-order mark is dropped (it is not JSON, and editors do
 * not count it as a column), and a syntax error becomes an InputError naming the line and column. Returns the text
 * that was parsed too, so schema errors can be located in it with findJsonPath.
 */
export function parseJsonDocument(input: string, source?: string): { readonly body: string; readonly value: unknown } {
  const body = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  try {
    return { body, value: JSON.parse(body) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const ours = findJsonSyntaxError(body);
    const where = ours ? lineColumnAt(body, ours.offset) : positionFromMessage(body, message);
    throw new InputError(`invalid JSON: ${ours?.message ?? message}`, { source, line: where?.line, column: where?.column });
  }
}
