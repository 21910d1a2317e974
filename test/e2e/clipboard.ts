import type { Locator } from 'playwright-core';

/** Click a cell and paste a TSV block into it the way Excel or LibreOffice hands it to the browser. */
export async function pasteInto(target: Locator, tsv: string): Promise<void> {
  await target.click();
  await target.evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, tsv);
}

/** What Ctrl+C puts on the clipboard for the grid's current selection. */
export function copyFrom(target: Locator): Promise<string> {
  return target.evaluate((el) => {
    const transfer = new DataTransfer();
    el.dispatchEvent(new ClipboardEvent('copy', { clipboardData: transfer, bubbles: true, cancelable: true }));
    return transfer.getData('text/plain');
  });
}
