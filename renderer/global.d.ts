import type { NtmBridge } from '../shared/contract';

declare global {
  interface Window {
    /** Provided by the host: Electron's preload or the web host's bridge script. */
    readonly ntm: NtmBridge;
  }
}
