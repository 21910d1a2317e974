// The narrative as text to paste: plain text, and HTML for Word (the clipboard's text/html flavour).
import type { Narrative } from './generate';

const ITEM = '- ';

/** Section titles on their own line, paragraphs as "- " items, a blank line between sections. */
export function narrativeToText(narrative: Narrative): string {
  return narrative.sections.map((s) => [s.title, ...s.paragraphs.map((p) => `${ITEM}${p}`)].join('\n')).join('\n\n');
}

/** HTML from the (possibly edited) plain text: "- " lines are paragraphs, other lines are bold titles. */
export function textToHtml(text: string): string {
  const style = "margin:0 0 6pt 0;text-align:justify;font-family:'Times New Roman',serif;font-size:14pt";
  const body = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => (line.startsWith(ITEM) ? `<p style="${style};text-indent:1cm">${escapeHtml(line)}</p>` : `<p style="${style}"><b>${escapeHtml(line)}</b></p>`))
    .join('');
  return `<html><head><meta charset="utf-8"></head><body>${body}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
