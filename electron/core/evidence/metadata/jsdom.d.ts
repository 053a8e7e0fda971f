/**
 * The little of jsdom this module uses, typed here: @types/jsdom pulls the DOM library into the
 * whole Node program, where its stream and timer types clash with Node's.
 */
declare module 'jsdom' {
  export type MiniNode = {
    readonly nodeType: number;
    readonly nodeName: string;
    readonly nodeValue: string | null;
    readonly firstChild: MiniNode | null;
    readonly nextSibling: MiniNode | null;
    readonly parentNode: MiniNode | null;
    readonly childNodes: ArrayLike<MiniNode>;
    cloneNode(deep: boolean): MiniNode;
  };
  export type MiniElement = MiniNode & {
    getAttribute(name: string): string | null;
  };
  export type MiniDocument = MiniNode & {
    readonly title: string;
    readonly documentElement: MiniElement;
    readonly body: MiniElement | null;
    querySelector(selector: string): MiniElement | null;
  };
  export class VirtualConsole {}
  export class JSDOM {
    constructor(
      html?: string | Uint8Array,
      options?: { contentType?: string; url?: string; virtualConsole?: VirtualConsole },
    );
    readonly window: { readonly document: MiniDocument; close(): void };
    static fragment(html: string): MiniNode;
  }
}
