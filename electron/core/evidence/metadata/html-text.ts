import type { MiniNode } from 'jsdom';
import type { DefaultTreeAdapterTypes } from 'parse5';

/**
 * The readable text of an HTML tree, with line breaks where blocks end. The walk keeps its own
 * stack rather than recursing: a page of 100,000 nested elements must not overflow the call
 * stack. It works on jsdom's nodes and on parse5's plain tree alike.
 */
const blocks = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 ' +
    'HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL'
  ).split(' '),
);
const hidden = new Set('SCRIPT STYLE NOSCRIPT TEMPLATE SVG IFRAME OBJECT HEAD'.split(' '));

type Tree<N> = {
  children(node: N): ArrayLike<N>;
  /** The text of a text node, else undefined. */
  text(node: N): string | undefined;
  /** The upper-case tag name of an element, else undefined. */
  tag(node: N): string | undefined;
};

function treeText<N>(root: N, tree: Tree<N>, maxChars: number): string {
  const parts: string[] = [];
  let length = 0;
  const stack: { node: N; next: number }[] = [{ node: root, next: 0 }];
  while (stack.length > 0 && length < maxChars) {
    const top = stack[stack.length - 1]!;
    const children = tree.children(top.node);
    if (top.next >= children.length) {
      stack.pop();
      if (blocks.has(tree.tag(top.node) ?? '')) parts.push('\n');
      continue;
    }
    const child = children[top.next++]!;
    const text = tree.text(child);
    if (text !== undefined) {
      parts.push(text);
      length += text.length;
      continue;
    }
    const tag = tree.tag(child);
    if (tag === undefined || hidden.has(tag)) continue;
    if (blocks.has(tag)) parts.push('\n');
    stack.push({ node: child, next: 0 });
  }
  return tidy(parts.join('')).slice(0, maxChars);
}

const jsdomTree: Tree<MiniNode> = {
  children: (n) => n.childNodes,
  text: (n) => (n.nodeType === 3 ? (n.nodeValue ?? '') : undefined),
  tag: (n) => (n.nodeType === 1 ? n.nodeName.toUpperCase() : undefined),
};

type P5Node = DefaultTreeAdapterTypes.Node;
const noChildren: readonly P5Node[] = [];
const parse5Tree: Tree<P5Node> = {
  children: (n) => ('childNodes' in n ? n.childNodes : noChildren),
  text: (n) => (n.nodeName === '#text' && 'value' in n ? n.value : undefined),
  tag: (n) => ('tagName' in n ? n.tagName.toUpperCase() : undefined),
};

export function blockText(root: MiniNode, maxChars: number): string {
  return treeText(root, jsdomTree, maxChars);
}

export function parse5Text(root: P5Node, maxChars: number): string {
  return treeText(root, parse5Tree, maxChars);
}

/** How deep the elements of a parse5 tree nest. */
export function treeDepth(root: P5Node): number {
  let deepest = 0;
  const stack: [P5Node, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    const children = parse5Tree.children(node);
    for (let i = 0; i < children.length; i++) stack.push([children[i]!, depth + 1]);
  }
  return deepest;
}

/** Runs of spaces to one, lines trimmed, blank lines between paragraphs to one. */
export function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
