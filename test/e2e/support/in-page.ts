/**
 * Types for the few browser APIs the tests' in-page callbacks touch. The tests are type-checked as Node
 * code (no DOM lib), so a callback reads browser globals as `globalThis as unknown as PageGlobals`. Only
 * types live here: a callback passed to `page.evaluate` must not reference any import at run time.
 */
export interface PageVideo {
  currentTime: number;
  readonly duration: number;
  readonly readyState: number;
  pause(): void;
}

export interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): PageCanvasContext | null;
  toDataURL(type: string): string;
}

export interface PageCanvasContext {
  fillStyle: unknown;
  font: string;
  createLinearGradient(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
  ): {
    addColorStop(offset: number, color: string): void;
  };
  fillRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
}

export interface PageGlobals {
  readonly document: {
    querySelector(selector: string): unknown;
    querySelectorAll(selector: string): ArrayLike<unknown>;
    createElement(tag: 'canvas'): PageCanvas;
    readonly documentElement: { readonly scrollWidth: number };
  };
  readonly innerWidth: number;
  btoa(data: string): string;
  fetch(url: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> }>;
}

export interface RowCard {
  getBoundingClientRect(): { left: number; right: number };
  getAttribute(name: string): string | null;
}

export interface RowElement {
  querySelector(selector: string): RowCard | null;
  querySelectorAll(selector: string): ArrayLike<RowCard>;
}
