/**
 * A rehype step for the guides: after the guide's title (its first h1), a list of links to its
 * sections (the h2 headings, by the ids rehype-slug gave them), so a long guide can be read
 * from its table of contents. A guide with fewer than two sections gets no list.
 */

/** The parts of an HTML syntax tree (hast) this step reads and writes. */
export interface GuideNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: GuideNode[];
}

export interface GuideTree {
  type: 'root';
  children: GuideNode[];
}

function textOf(node: GuideNode): string {
  if (node.type === 'text') {
    return node.value ?? '';
  }
  return (node.children ?? []).map(textOf).join('');
}

function element(
  tagName: string,
  properties: Record<string, unknown>,
  children: GuideNode[],
): GuideNode {
  return { type: 'element', tagName, properties, children };
}

export function guideContents({ label }: { label: string }) {
  return (tree: GuideTree): void => {
    const sections = tree.children.filter(
      (node) =>
        node.type === 'element' && node.tagName === 'h2' && typeof node.properties?.id === 'string',
    );
    if (sections.length < 2) {
      return;
    }
    const contents = element('nav', { className: ['ts-guide__contents'], ariaLabel: label }, [
      element(
        'ul',
        {},
        sections.map((section) =>
          element('li', {}, [
            element('a', { href: `#${String(section.properties?.id)}` }, [
              { type: 'text', value: textOf(section) },
            ]),
          ]),
        ),
      ),
    ]);
    const title = tree.children.findIndex(
      (node) => node.type === 'element' && node.tagName === 'h1',
    );
    tree.children.splice(title + 1, 0, contents);
  };
}
