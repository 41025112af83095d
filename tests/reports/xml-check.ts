/**
 * A tiny XML well-formedness check for tests (no xmllint here): balanced, properly nested tags,
 * quoted attributes without raw `<`, known entities only, no raw `<` or bare `&` in text.
 * Returns the problems found (empty when well-formed) and the element names seen.
 */
export function checkXml(xml: string): { problems: string[]; elements: string[] } {
  const problems: string[] = [];
  const elements: string[] = [];
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
  let i = 0;
  const checkText = (text: string, where: string): void => {
    for (let k = text.indexOf('&'); k >= 0; k = text.indexOf('&', k + 1)) {
      entity.lastIndex = k;
      if (!entity.test(text)) problems.push(`bare & in ${where}: ${text.slice(k, k + 20)}`);
    }
  };
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const text = body.slice(i, lt < 0 ? body.length : lt);
    checkText(text, stack.length > 0 ? `<${stack[stack.length - 1]}>` : 'prolog');
    if (lt < 0) break;
    if (body.startsWith('<!--', lt)) {
      i = body.indexOf('-->', lt) + 3;
      continue;
    }
    const gt = body.indexOf('>', lt);
    if (gt < 0) {
      problems.push('unterminated tag');
      break;
    }
    const tag = body.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else {
      const m = /^([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)$/.exec(tag);
      if (!m) problems.push(`malformed tag <${tag.slice(0, 80)}>`);
      else {
        elements.push(m[1]!);
        checkText(m[2]!, `attributes of <${m[1]}>`);
        if (m[3] !== '/') stack.push(m[1]!);
      }
    }
    i = gt + 1;
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  return { problems, elements };
}
