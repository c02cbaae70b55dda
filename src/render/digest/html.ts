// The HTML digest: one self-contained page for email and the web. Inline styles only (mail
// clients drop <style> and external sheets), no scripts, no images, no fonts to fetch; one
// column that fills a phone and stops at a readable width on a desktop. Every value is
// escaped on its way in.
import { WORDS } from '../../core/date-format.js';
import { escapeHtml } from './escape.js';
import { type Digest, type DigestEntry, summaryParagraphs } from './model.js';

const INK = '#222222';
const MUTED = '#5f5f5f';
const ACCENT = '#8c1d18';
const RULE = '#dddddd';
const FONT = "Georgia, 'Times New Roman', Times, serif";
const SANS = "Helvetica, Arial, sans-serif";
// Long words and addresses wrap instead of pushing the page sideways.
const WRAP = 'overflow-wrap:break-word;word-wrap:break-word;word-break:break-word;';

/** A summary as paragraphs; the lines inside a paragraph keep their breaks. */
export function summaryHtml(summary: string, style = ''): string {
  const attr = style ? ` style="${style}"` : '';
  return summaryParagraphs(summary)
    .map((lines) => `<p${attr}>${lines.map(escapeHtml).join('<br>\n')}</p>`)
    .join('\n');
}

function entryHtml(entry: DigestEntry): string {
  const a = entry.article;
  const title = entry.link
    ? `<a href="${escapeHtml(entry.link)}" style="color:${ACCENT};text-decoration:none;">${escapeHtml(a.title)}</a>`
    : escapeHtml(a.title);
  const meta = [entry.date, entry.regions.join(', ')].filter(Boolean).map((v) => escapeHtml(v!)).join(' &middot; ');
  return [
    `<div style="border-top:1px solid ${RULE};padding:18px 0 6px 0;">`,
    `<h2 style="margin:0 0 6px 0;font-family:${FONT};font-size:21px;line-height:1.3;font-weight:bold;color:${ACCENT};${WRAP}">${title}</h2>`,
    meta ? `<p style="margin:0 0 10px 0;font-family:${SANS};font-size:14px;line-height:1.4;color:${MUTED};">${meta}</p>` : '',
    summaryHtml(a.summary, `margin:0 0 12px 0;font-family:${FONT};font-size:17px;line-height:1.55;color:${INK};${WRAP}`),
    '</div>',
  ]
    .filter(Boolean)
    .join('\n');
}

export function renderHtml(digest: Digest): string {
  const heading = escapeHtml(digest.title);
  const period = digest.periodText ? escapeHtml(digest.periodText) : undefined;
  const body = digest.entries.length
    ? digest.entries.map(entryHtml).join('\n')
    : `<p style="margin:0;padding:18px 0;border-top:1px solid ${RULE};font-family:${FONT};font-size:17px;color:${MUTED};">${escapeHtml(WORDS[digest.lang].noItems)}</p>`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(digest.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${heading}${period ? ` &middot; ${period}` : ''}</title>
</head>
<body style="margin:0;padding:0;background-color:#f5f3ee;color:${INK};-webkit-text-size-adjust:100%;">
<div style="max-width:640px;margin:0 auto;padding:24px 16px 32px 16px;background-color:#ffffff;${WRAP}">
<h1 style="margin:0 0 6px 0;font-family:${FONT};font-size:26px;line-height:1.25;color:${INK};${WRAP}">${heading}</h1>
${period ? `<p style="margin:0 0 18px 0;font-family:${SANS};font-size:15px;line-height:1.4;color:${MUTED};">${period}</p>\n` : ''}${body}
</div>
</body>
</html>
`;
}
