// The HTML digest, email-grade: what mail clients agree on is the table layout of the early
// web, so the page is nested role="presentation" tables, a 600 px column (as an attribute,
// as CSS, and as a fixed table inside an Outlook conditional comment, because Word's engine
// ignores max-width), every style inline on the element it styles (clients drop <style>),
// spacing as padding on cells (Outlook ignores margins on most elements), system fonts,
// and an explicit background on every box so that a dark mode finds no gap to invert.
// Nothing is fetched: no images, fonts, scripts or forms. Every value goes through the one
// escaping tag of markup.ts.
import { WORDS } from '../../core/date-format.js';
import type { Lang } from '../../config.js';
import { oneLine } from './clean.js';
import { css, html, type Markup, trusted } from './markup.js';
import { type Digest, type DigestEntry, summaryParagraphs } from './model.js';

const COLOURS = {
  page: '#f4f1ea',
  paper: '#ffffff',
  footer: '#ece7dc',
  ink: '#1f1f1f',
  muted: '#595959',
  accent: '#8c1d18',
  rule: '#d9d4c7',
};
const SERIF = 'Georgia, Times New Roman, Times, serif';
const SANS = 'Helvetica, Arial, sans-serif';
// Long words and addresses wrap instead of pushing the column wider than the screen.
const WRAP = { 'overflow-wrap': 'anywhere', 'word-wrap': 'break-word', 'word-break': 'break-word' };
const WIDTH = 600;
const GUTTER = 24;

export const MAIL_WORDS: Record<Lang, { readMore: string; unsubscribe: string; footer: string }> = {
  en: {
    readMore: 'Read more',
    unsubscribe: 'Unsubscribe',
    footer: 'You receive this digest because you are a member or friend of the Peru Support Group.',
  },
  es: {
    readMore: 'Leer más',
    unsubscribe: 'Darse de baja',
    footer: 'Recibe este resumen porque es miembro o amigo del Peru Support Group.',
  },
};

/** A layout table: no borders, no spacing, and screen readers skip it as a table. */
function table(attrs: { width: string; bg: string; style?: Record<string, string | number> }, rows: Markup | Markup[]): Markup {
  const style = css({ width: '100%', 'border-collapse': 'collapse', 'background-color': attrs.bg, ...attrs.style });
  return html`<table role="presentation" width="${attrs.width}" cellpadding="0" cellspacing="0" border="0" bgcolor="${attrs.bg}" style="${style}">
${rows}
</table>`;
}

/** One row of one cell: the unit of spacing (its padding) and of colour (its background). */
function row(style: Record<string, string | number>, content: Markup, bg: string = COLOURS.paper): Markup {
  return html`<tr><td bgcolor="${bg}" style="${css({ 'background-color': bg, ...style })}">${content}</td></tr>\n`;
}

const text = (font: string, size: number, colour: string, extra: Record<string, string | number> = {}) =>
  css({ margin: 0, 'font-family': font, 'font-size': `${size}px`, 'line-height': 1.5, color: colour, ...WRAP, ...extra });

/** A summary as paragraphs (one cell each); the lines inside a paragraph keep their breaks. */
function summaryRows(summary: string): Markup[] {
  return summaryParagraphs(summary).map((lines) =>
    row(
      { padding: `0 ${GUTTER}px 12px ${GUTTER}px` },
      html`<p style="${text(SERIF, 17, COLOURS.ink)}">${lines.map((line, i) => html`${i ? html`<br>\n` : ''}${line}`)}</p>`,
    ),
  );
}

function link(href: string, label: Markup | string, style: string): Markup {
  return html`<a href="${href}" target="_blank" style="${style}">${label}</a>`;
}

function entryRows(entry: DigestEntry, lang: Lang): Markup {
  const a = entry.article;
  const title = oneLine(a.title);
  const titleStyle = text(SERIF, 21, COLOURS.accent, { 'line-height': 1.3, 'font-weight': 'bold' });
  const heading = entry.link ? link(entry.link, title, css({ color: COLOURS.accent, 'text-decoration': 'none' })) : title;
  const meta = [entry.date, entry.regions.map(oneLine).join(', ')].filter(Boolean).join(' · ');
  const rows = [
    row({ padding: `20px ${GUTTER}px 6px ${GUTTER}px`, 'border-top': `1px solid ${COLOURS.rule}` }, html`<h2 style="${titleStyle}">${heading}</h2>`),
    meta ? row({ padding: `0 ${GUTTER}px 10px ${GUTTER}px` }, html`<p style="${text(SANS, 14, COLOURS.muted, { 'line-height': 1.4 })}">${meta}</p>`) : undefined,
    ...summaryRows(a.summary),
    entry.link
      ? row(
          { padding: `0 ${GUTTER}px 16px ${GUTTER}px` },
          html`<p style="${text(SANS, 15, COLOURS.accent)}">${link(entry.link, html`${MAIL_WORDS[lang].readMore}&nbsp;&rarr;`, css({ color: COLOURS.accent, 'text-decoration': 'underline' }))}</p>`,
        )
      : undefined,
  ];
  return html`${rows}`;
}

/** The hidden first line: the configured one, else the period and the first headlines. */
export function preheaderOf(digest: Digest): string {
  if (digest.mail.preheader) return oneLine(digest.mail.preheader);
  const headlines = digest.entries.slice(0, 3).map((e) => oneLine(e.article.title));
  const line = [digest.periodText, headlines.join(' · ')].filter(Boolean).join(': ');
  return line.length > 150 ? `${line.slice(0, 149).trimEnd()}…` : line;
}

/** What a reader sees of the unsubscribe address: a mailto's address, or the whole link. */
export function unsubscribeShown(address: string): string {
  return address.startsWith('mailto:') ? decodeURIComponent(address.slice(7).split('?')[0]!) : address;
}

function unsubscribeLine(digest: Digest, style: string): Markup | undefined {
  const address = digest.mail.unsubscribe;
  if (!address) return undefined;
  return html`${MAIL_WORDS[digest.lang].unsubscribe}: ${link(address, unsubscribeShown(address), style)}`;
}

function footerRows(digest: Digest): Markup {
  const style = text(SANS, 13, COLOURS.muted);
  const linkStyle = css({ color: COLOURS.ink, 'text-decoration': 'underline' });
  const words = MAIL_WORDS[digest.lang];
  const footer = digest.mail.footer ?? words.footer;
  const unsubscribe = unsubscribeLine(digest, linkStyle);
  const site = digest.siteUrl ? html`<br>\n${link(digest.siteUrl, digest.siteUrl.replace(/^https?:\/\//, ''), linkStyle)}` : '';
  return row(
    { padding: `20px ${GUTTER}px 24px ${GUTTER}px` },
    html`<p style="${style}">${footer.split(/\n/).map((line, i) => html`${i ? html`<br>\n` : ''}${line}`)}${site}</p>${
      unsubscribe ? html`\n<p style="${text(SANS, 13, COLOURS.muted, { 'padding-top': '8px' })}">${unsubscribe}</p>` : ''
    }`,
    COLOURS.footer,
  );
}

export function renderHtml(digest: Digest): string {
  const heading = oneLine(digest.title);
  const period = digest.periodText;
  const entries = digest.entries.length
    ? digest.entries.map((entry) => entryRows(entry, digest.lang))
    : [row({ padding: `20px ${GUTTER}px`, 'border-top': `1px solid ${COLOURS.rule}` }, html`<p style="${text(SERIF, 17, COLOURS.muted)}">${WORDS[digest.lang].noItems}</p>`)];
  const column = table(
    { width: String(WIDTH), bg: COLOURS.paper, style: { 'max-width': `${WIDTH}px`, margin: '0 auto', 'table-layout': 'fixed' } },
    [
      row({ padding: `28px ${GUTTER}px 6px ${GUTTER}px` }, html`<h1 style="${text(SERIF, 26, COLOURS.ink, { 'line-height': 1.25 })}">${heading}</h1>`),
      period ? row({ padding: `0 ${GUTTER}px 20px ${GUTTER}px` }, html`<p style="${text(SANS, 15, COLOURS.muted, { 'line-height': 1.4 })}">${period}</p>`) : html``,
      ...entries,
      footerRows(digest),
    ],
  );
  // Outlook for Windows gets a fixed 600 px table around the column; everyone else skips it.
  const msoOpen = trusted(`<!--[if mso]><table role="presentation" width="${WIDTH}" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->`);
  const msoClose = trusted('<!--[if mso]></td></tr></table><![endif]-->');
  // Spacer characters after the preheader keep clients from filling the preview with the body.
  const spacer = trusted('&#847;&zwnj;&nbsp;'.repeat(40));
  const hidden = css({ display: 'none', 'font-size': '1px', 'line-height': '1px', 'max-height': 0, 'max-width': 0, opacity: 0, overflow: 'hidden', 'mso-hide': 'all', color: COLOURS.page });
  const page = html`<!DOCTYPE html>
<html lang="${digest.lang}" style="${css({ 'color-scheme': 'light only', 'background-color': COLOURS.page })}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light only">
<meta name="supported-color-schemes" content="light only">
<title>${heading}${period ? ` · ${period}` : ''}</title>
</head>
<body bgcolor="${COLOURS.page}" style="${css({ margin: 0, padding: 0, width: '100%', 'background-color': COLOURS.page, color: COLOURS.ink, '-webkit-text-size-adjust': '100%', '-ms-text-size-adjust': '100%' })}">
<span style="${hidden}">${preheaderOf(digest)}${spacer}</span>
${table(
  { width: '100%', bg: COLOURS.page },
  html`<tr><td align="center" bgcolor="${COLOURS.page}" style="${css({ padding: '16px 0 32px 0', 'background-color': COLOURS.page })}">
${msoOpen}
${column}
${msoClose}
</td></tr>`,
)}
</body>
</html>
`;
  return page.html;
}

/** A summary as HTML paragraphs, for the feeds' descriptions. */
export function summaryHtml(summary: string): string {
  return summaryParagraphs(summary)
    .map((lines) => html`<p>${lines.map((line, i) => html`${i ? html`<br>\n` : ''}${line}`)}</p>`.html)
    .join('\n');
}
