// Pictures to print under the annex tables (a dashboard chart, a PNG from disk), kept until removed.
import { create } from 'zustand';
import type { FileRef } from '../../shared/model';

/** The print API takes at most this many images under one table. */
export const MAX_ANNEX_IMAGES = 10;

export interface AnnexImage {
  file: FileRef;
  caption: string;
}

interface AnnexImages {
  images: AnnexImage[];
  /** Adds what fits under the limit; returns how many were added. */
  add(images: AnnexImage[]): number;
  remove(index: number): void;
  setCaption(index: number, caption: string): void;
}

export const useAnnexImages = create<AnnexImages>((set, get) => ({
  images: [],
  add: (images) => {
    const fitting = images.slice(0, Math.max(0, MAX_ANNEX_IMAGES - get().images.length));
    set((s) => ({ images: [...s.images, ...fitting] }));
    return fitting.length;
  },
  remove: (index) => set((s) => ({ images: s.images.filter((_, i) => i !== index) })),
  setCaption: (index, caption) => set((s) => ({ images: s.images.map((image, i) => (i === index ? { ...image, caption } : image)) })),
}));
