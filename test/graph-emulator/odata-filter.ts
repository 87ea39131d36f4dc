// The subset of OData $filter the emulator understands on list items (PLATFORM-FACTS F1: eq, ne, lt,
// gt, le, ge, startswith on fields, combined with and/or/not and parentheses). Anything else is a
// FilterSyntaxError, which the emulator turns into a loud 501 (it does not guess).
export type Literal = string | number | boolean | null;

export type FilterExpr =
  | { type: 'compare'; op: 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge'; field: string; value: Literal }
  | { type: 'startswith'; field: string; value: string }
  | { type: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { type: 'not'; expr: FilterExpr };

export class FilterSyntaxError extends Error {}

type Token =
  { kind: 'word'; value: string } | { kind: 'string'; value: string } | { kind: 'punct'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FilterSyntaxError('unterminated string');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: 'string', value });
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', value: c });
      i++;
    } else {
      const m = /^[A-Za-z0-9_/.:+-]+/.exec(text.slice(i));
      if (!m) throw new FilterSyntaxError(`unexpected character ${c}`);
      tokens.push({ kind: 'word', value: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

export function parseFilter(text: string): FilterExpr {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => {
    const t = tokens[pos++];
    if (!t) throw new FilterSyntaxError('unexpected end of filter');
    return t;
  };
  const expectPunct = (value: string) => {
    const t = next();
    if (t.kind !== 'punct' || t.value !== value) throw new FilterSyntaxError(`expected ${value}`);
  };
  const field = (t: Token): string => {
    if (t.kind !== 'word' || !t.value.startsWith('fields/'))
      throw new FilterSyntaxError('expected fields/<column>');
    const name = t.value.slice('fields/'.length);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new FilterSyntaxError('bad column name');
    return name;
  };
  const literal = (t: Token): Literal => {
    if (t.kind === 'string') return t.value;
    if (t.kind === 'word') {
      if (t.value === 'true') return true;
      if (t.value === 'false') return false;
      if (t.value === 'null') return null;
      if (/^-?\d+(\.\d+)?$/.test(t.value)) return Number(t.value);
    }
    throw new FilterSyntaxError('expected a literal');
  };
  const primary = (): FilterExpr => {
    const t = next();
    if (t.kind === 'punct' && t.value === '(') {
      const e = or();
      expectPunct(')');
      return e;
    }
    if (t.kind === 'word' && t.value === 'not') return { type: 'not', expr: primary() };
    if (t.kind === 'word' && t.value === 'startswith') {
      expectPunct('(');
      const f = field(next());
      expectPunct(',');
      const v = literal(next());
      expectPunct(')');
      if (typeof v !== 'string') throw new FilterSyntaxError('startswith needs a string');
      return { type: 'startswith', field: f, value: v };
    }
    const f = field(t);
    const op = next();
    if (op.kind !== 'word' || !['eq', 'ne', 'lt', 'gt', 'le', 'ge'].includes(op.value)) {
      throw new FilterSyntaxError('expected a comparison operator');
    }
    return { type: 'compare', op: op.value as 'eq', field: f, value: literal(next()) };
  };
  const and = (): FilterExpr => {
    let left = primary();
    while (peek()?.kind === 'word' && peek()?.value === 'and') {
      pos++;
      left = { type: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): FilterExpr => {
    let left = and();
    while (peek()?.kind === 'word' && peek()?.value === 'or') {
      pos++;
      left = { type: 'or', left, right: and() };
    }
    return left;
  };
  const expr = or();
  if (pos !== tokens.length) throw new FilterSyntaxError('trailing input');
  return expr;
}

export function filterFields(expr: FilterExpr): string[] {
  switch (expr.type) {
    case 'compare':
    case 'startswith':
      return [expr.field];
    case 'and':
    case 'or':
      return [...filterFields(expr.left), ...filterFields(expr.right)];
    case 'not':
      return filterFields(expr.expr);
  }
}

function compare(a: Literal | undefined, b: Literal): number {
  if (a === undefined || a === null || b === null)
    return a === b || (a === undefined && b === null) ? 0 : NaN;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function evaluate(expr: FilterExpr, fields: Record<string, Literal | undefined>): boolean {
  switch (expr.type) {
    case 'compare': {
      const c = compare(fields[expr.field], expr.value);
      if (Number.isNaN(c)) return expr.op === 'ne';
      switch (expr.op) {
        case 'eq':
          return c === 0;
        case 'ne':
          return c !== 0;
        case 'lt':
          return c < 0;
        case 'gt':
          return c > 0;
        case 'le':
          return c <= 0;
        case 'ge':
          return c >= 0;
      }
      return false;
    }
    case 'startswith': {
      const v = fields[expr.field];
      return typeof v === 'string' && v.startsWith(expr.value);
    }
    case 'and':
      return evaluate(expr.left, fields) && evaluate(expr.right, fields);
    case 'or':
      return evaluate(expr.left, fields) || evaluate(expr.right, fields);
    case 'not':
      return !evaluate(expr.expr, fields);
  }
}
