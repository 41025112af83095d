/**
 * Maths for the HTML report without a maths library: a small LaTeX → HTML pass covering the notation
 * the claim statements use (Greek, relations, blackboard/sans letters, sub/superscripts, \frac, \sqrt,
 * norms, brackets, named operators). Unknown commands are shown as written. Output is escaped HTML.
 */
import { escapeXml } from './escape.js';
import { CALLIGRAPHIC, DOUBLE_STRUCK, OPERATORS, RELATIONS, SIZING, SYMBOLS } from './latex-symbols.js';

const THIN = '\u2009';

/** A symbol, escaped, with thin spaces around it when it is a relation. */
function spaced(sym: string): string {
  return RELATIONS.has(sym) ? `${THIN}${escapeXml(sym)}${THIN}` : escapeXml(sym);
}

class Reader {
  pos = 0;
  constructor(readonly src: string) {}
  peek(): string | undefined {
    return this.src[this.pos];
  }
  done(): boolean {
    return this.pos >= this.src.length;
  }
}

/** Read a command name after a backslash: letters, or one non-letter character. */
function commandName(r: Reader): string {
  const m = /^[A-Za-z]+/.exec(r.src.slice(r.pos));
  if (m) {
    r.pos += m[0].length;
    return m[0];
  }
  const c = r.src[r.pos] ?? '';
  r.pos += 1;
  return c;
}

/** Raw text of the next argument: a {group} or one token. */
function rawArg(r: Reader): string {
  while (r.peek() === ' ') r.pos++;
  if (r.peek() === '{') {
    let depth = 0;
    const start = r.pos;
    for (; r.pos < r.src.length; r.pos++) {
      const c = r.src[r.pos];
      if (c === '\\') r.pos++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return r.src.slice(start + 1, r.pos++);
    }
    return r.src.slice(start + 1);
  }
  if (r.peek() === '\\') {
    const start = r.pos++;
    commandName(r);
    return r.src.slice(start, r.pos);
  }
  return r.src[r.pos++] ?? '';
}

function mapLetters(text: string, table: Record<string, string>, cls: string): string {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.every((c) => table[c] !== undefined)) return chars.map((c) => table[c]).join('');
  return `<span class="${cls}">${escapeXml(text)}</span>`;
}

/** Render one token (or command with its arguments) at the reader's position. */
function token(r: Reader): string {
  const c = r.src[r.pos++]!;
  if (c === '{') {
    r.pos--;
    return render(rawArg(r));
  }
  if (c === '^' || c === '_') {
    const tag = c === '^' ? 'sup' : 'sub';
    return `<${tag}>${render(rawArg(r))}</${tag}>`;
  }
  if (c === "'") return '′';
  if (c === '~') return '\u00a0';
  if (c === '}' || /\s/.test(c)) return '';
  if (c === ',') return `,${THIN}`;
  if (/[A-Za-z]/.test(c)) return `<i>${c}</i>`;
  if (c !== '\\') return spaced(c === '-' ? '−' : c);
  const name = commandName(r);
  if (name === '\\') return '<br>';
  if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
    const num = render(rawArg(r));
    const den = render(rawArg(r));
    return `<span class="frac"><span>${num}</span><span>${den}</span></span>`;
  }
  if (name === 'sqrt') return `√<span class="radicand">${render(rawArg(r))}</span>`;
  if (name === 'mathbb') return mapLetters(rawArg(r), DOUBLE_STRUCK, 'bb');
  if (name === 'mathcal') return mapLetters(rawArg(r), CALLIGRAPHIC, 'cal');
  if (name === 'mathsf') return `<span class="sf">${render(rawArg(r)).replace(/<\/?i>/g, '')}</span>`;
  if (name === 'mathbf' || name === 'boldsymbol' || name === 'bm') return `<b>${render(rawArg(r))}</b>`;
  if (
    name === 'mathrm' ||
    name === 'operatorname' ||
    name === 'text' ||
    name === 'textrm' ||
    name === 'mathit' ||
    name === 'textit'
  ) {
    const arg = rawArg(r);
    return name === 'mathit' || name === 'textit'
      ? `<i>${escapeXml(arg)}</i>`
      : `<span class="rm">${escapeXml(arg)}</span>`;
  }
  if (name === 'hat' || name === 'bar' || name === 'tilde' || name === 'dot' || name === 'vec' || name === 'overline') {
    const accent: Record<string, string> = {
      hat: '\u0302',
      bar: '\u0304',
      tilde: '\u0303',
      dot: '\u0307',
      vec: '\u20d7',
      overline: '\u0305',
    };
    const arg = rawArg(r);
    return arg.length === 1 ? `<i>${escapeXml(arg)}${accent[name]}</i>` : `<span class="over">${render(arg)}</span>`;
  }
  if (SIZING.has(name)) {
    if ((name === 'left' || name === 'right') && r.peek() === '.') r.pos++;
    return '';
  }
  if (OPERATORS.has(name)) return `<span class="rm">${name}</span>`;
  const sym = SYMBOLS[name];
  if (sym !== undefined) return spaced(sym);
  return escapeXml(`\\${name}`);
}

/** LaTeX (the inside of $…$) → escaped HTML. */
export function render(latex: string): string {
  const r = new Reader(latex);
  let out = '';
  while (!r.done()) out += token(r);
  return out;
}

/** One maths span: `<span class="math">…</span>` with the LaTeX source kept as its title. */
function mathHtml(latex: string): string {
  return `<span class="math" title="${escapeXml(latex)}">${render(latex)}</span>`;
}

/**
 * Inline Markdown with maths → HTML: `$…$` maths, `code`, **bold**, *emphasis*; everything else
 * escaped. Enough for claim statements, hypotheses, notes and reasons.
 */
export function inlineMarkdown(text: string): string {
  // emphasis only in Markdown's own sense: `*` not glued to a word on the outside (v*, P* stay stars)
  const re =
    /\$\$([^$]+)\$\$|\$([^$\n]+)\$|`([^`]+)`|(?<![\w*])\*\*(?!\s)([^*]+?)(?<!\s)\*\*(?![\w*])|(?<![\w*])\*(?![\s*])([^*]+?)(?<!\s)\*(?![\w*])/g;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    out += escapeXml(text.slice(last, m.index));
    if (m[1] !== undefined || m[2] !== undefined) out += mathHtml((m[1] ?? m[2])!);
    else if (m[3] !== undefined) out += `<code>${escapeXml(m[3])}</code>`;
    else if (m[4] !== undefined) out += `<strong>${inlineMarkdown(m[4])}</strong>`;
    else out += `<em>${inlineMarkdown(m[5]!)}</em>`;
    last = m.index + m[0].length;
  }
  return out + escapeXml(text.slice(last));
}
