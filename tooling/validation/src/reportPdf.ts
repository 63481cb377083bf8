/**
 * The OQ report as PDF: the HTML report printed by Debian's Chromium (the browser the browser
 * suite uses; nothing is downloaded) on A4, every page footed with the report's identity and
 * "page N of M", as a controlled document is.
 */
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { escapeHtml } from './htmlText';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** As e2e/test/browser.ts: headless without a sandbox and without background traffic. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function printReportPdf(
  htmlFile: string,
  pdfFile: string,
  footer: string,
): Promise<void> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({
      path: pdfFile,
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-family: 'DejaVu Sans', sans-serif; font-size: 7pt; color: #444; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between;"><span>${escapeHtml(footer)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      margin: { top: '12mm', bottom: '16mm', left: '10mm', right: '10mm' },
    });
  } finally {
    await browser.close();
  }
}
