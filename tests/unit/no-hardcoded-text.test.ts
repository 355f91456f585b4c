import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word a component shows goes through the translator (`t(...)`), so
 * that the Spanish interface is complete. This test reads each component with
 * the TypeScript compiler and reports, per file and line, what it would put on
 * screen untranslated: JSX text containing letters; string literals rendered
 * as children (also through `cond ? 'a' : 'b'`, `x && 'a'`, template
 * literals); string literals in attributes a person sees or hears (aria-label,
 * title, placeholder, alt, label…); and string arguments of confirm/alert.
 * Text the page or the dataset supplies arrives in variables and is not flagged.
 */

const ROOT = path.resolve(__dirname, '../..');
const COMPONENTS = path.join(ROOT, 'components');

/** Shown as is in every language: the brand, and the legend's sample of lettering. */
const NOT_WORDS = new Set(['CECOT Lens', 'Aa']);

const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder', 'title', 'placeholder', 'alt', 'label']);

const HAS_LETTER = /\p{L}/u;

/** A translator key ("sidebar.note") in a table is the right way to name a label. */
const MESSAGE_KEY = /^[a-z]+\.[A-Za-z0-9]+$/;

/** Tables of labels at the top of a file: `const KIND_LABEL = { agreement: 'The articles agree' }`, `[{ label: 'CSV' }]`. */
const LABEL_TABLE_NAME = /LABEL|NAME|MEANING|TEXT|TITLE|CAPTION/;
const LABEL_PROPS = new Set(['label', 'title', 'text', 'name', 'description', 'hint', 'caption', 'placeholder']);

interface Finding {
  line: number;
  text: string;
  where: string;
}

function componentFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? componentFiles(path.join(dir, e.name)) : e.name.endsWith('.tsx') ? [path.join(dir, e.name)] : []));
}

/** The string literals an expression can evaluate to and put on screen. */
function renderedStrings(e: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e];
  if (ts.isTemplateExpression(e)) return [e.head, ...e.templateSpans.map((s) => s.literal)];
  if (ts.isParenthesizedExpression(e)) return renderedStrings(e.expression);
  if (ts.isConditionalExpression(e)) return [...renderedStrings(e.whenTrue), ...renderedStrings(e.whenFalse)];
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return renderedStrings(e.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return [...renderedStrings(e.left), ...renderedStrings(e.right)];
    if (op === ts.SyntaxKind.PlusToken) return [...renderedStrings(e.left), ...renderedStrings(e.right)];
  }
  return [];
}

function literalText(n: ts.Node): string {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) return n.text;
  return n.getText();
}

export function findHardCodedText(file: string, source = fs.readFileSync(file, 'utf8')): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string, where: string) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (!HAS_LETTER.test(trimmed) || NOT_WORDS.has(trimmed)) return;
    findings.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: trimmed, where });
  };
  const table = (e: ts.Expression, wholeTable: boolean): void => {
    if (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isParenthesizedExpression(e)) return table(e.expression, wholeTable);
    if (ts.isArrayLiteralExpression(e)) return e.elements.forEach((el) => table(el as ts.Expression, wholeTable));
    if (!ts.isObjectLiteralExpression(e)) return;
    for (const prop of e.properties) {
      if (!ts.isPropertyAssignment(prop)) continue;
      const key = prop.name.getText(sf).replace(/['"]/g, '');
      const init = prop.initializer;
      if ((ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) && (wholeTable || LABEL_PROPS.has(key))) {
        if (!MESSAGE_KEY.test(init.text)) report(init, init.text, 'table');
      } else table(init, wholeTable);
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.initializer && ts.isVariableStatement(node.parent.parent) && ts.isSourceFile(node.parent.parent.parent)) {
      table(node.initializer, LABEL_TABLE_NAME.test(node.name.getText(sf)));
    }
    if (ts.isJsxText(node)) report(node, node.text, 'text');
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const s of renderedStrings(node.expression)) report(s, literalText(s), 'text');
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      if (VISIBLE_ATTRIBUTES.has(name) && node.initializer) {
        const init = node.initializer;
        if (ts.isStringLiteral(init)) report(init, init.text, name);
        else if (ts.isJsxExpression(init) && init.expression) for (const s of renderedStrings(init.expression)) report(s, literalText(s), name);
      }
      return; // an attribute's own expression is not page text (class names, keys, handlers)
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ['confirm', 'alert', 'prompt'].includes(node.expression.text)) {
      const arg = node.arguments[0];
      if (arg) for (const s of renderedStrings(arg)) report(s, literalText(s), `${node.expression.text}()`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

describe('the detector itself', () => {
  const probe = (code: string) => findHardCodedText('probe.tsx', code).map((f) => `${f.where}: ${f.text}`);
  it('finds English in JSX text, rendered literals and visible attributes', () => {
    expect(
      probe(`export const A = ({ on, t }) => (
        <div class="x" aria-label="Close panel" title={on ? 'Open' : t('a.b')}>
          Hello there
          {on && 'Saving…'}
          {\`\${1} more\`}
          <input placeholder={'Search'} data-testid="not-text" />
        </div>
      );
      confirm('Delete it?');
      const KIND_LABEL = { agreement: 'The articles agree' };
      const CHOICES = [{ format: 'csv', label: 'CSV file' }, { format: 'md', label: 'sidebar.formatMarkdown' }];`),
    ).toEqual(['aria-label: Close panel', 'title: Open', 'text: Hello there', 'text: Saving…', 'text: more', 'placeholder: Search', 'confirm(): Delete it?', 'table: The articles agree', 'table: CSV file']);
  });
  it('lets through translated text, symbols, the brand, and page data in variables', () => {
    expect(
      probe(`export const B = ({ t, title, view }) => (
        <section class="panel" aria-label={t('x.y')} id={view === 'claims' ? 'a' : 'b'}>
          <h1>CECOT Lens</h1> <span aria-hidden="true">×</span> · {title} {t('x.z', { n: 2 })} {view === 'claims' && t('x.w')}
        </section>
      );`),
    ).toEqual([]);
  });
});

describe('components render no hard-coded text (every string through t())', () => {
  for (const file of componentFiles(COMPONENTS)) {
    const rel = path.relative(ROOT, file);
    it(rel, () => {
      const findings = findHardCodedText(file).map((f) => `${rel}:${f.line} ${f.where}: ${JSON.stringify(f.text)}`);
      expect(findings, `untranslated text in ${rel}`).toEqual([]);
    });
  }
});
