// The browser lookup lives with the PDF printer, which needs it at run time; tests use the same one.
export { CHROMIUM_ARGS, findChromium } from '../../electron/backend/print/browser';
