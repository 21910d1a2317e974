import { buildRenderer } from '../../scripts/build';
import { findChromium } from '../helpers/browser';

/** End-to-end tests need a Chromium-family browser and the built renderer; without a browser, stop with an instruction. */
export default async function setup(): Promise<void> {
  if (!findChromium()) {
    throw new Error(
      'Không tìm thấy trình duyệt Chromium cho kiểm thử đầu-cuối / No Chromium-family browser found for the end-to-end tests.\n' +
        'Install one (Debian: `apt-get install -y chromium`) or point NTM_CHROMIUM at chrome/msedge/chromium.',
    );
  }
  await buildRenderer();
}
