/**
 * A user guide (docs/user-guide-*.md) rendered as a page of the app: headings with GitHub's
 * ids (so `#anchors` written for the repository work here too), a list of the guide's sections
 * under its title, lists, tables, code and the screenshots. The Markdown becomes React elements
 * (react-markdown): HTML written in a guide is left out, never injected, and URLs pass
 * react-markdown's safe-URL check.
 *
 * `images/x.png` in the guide is looked up in `images` (the URLs the app's build gave the
 * pictures); a link to another guide (`user-guide-shop.md#…`) is looked up in `guideLinks` and
 * rendered by the app's router; other relative links (documents the apps do not serve) stay
 * plain text. The guide's headings sit one level below the page's own title.
 *
 * Only the app's help page imports this (from `@tracershop/ui/help`, with its look from
 * `@tracershop/ui/help.css`), in a chunk loaded on first visit, so the Markdown library is not
 * in the apps' first load.
 */
import type { ComponentProps, ReactNode } from 'react';
import { useEffect } from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import Markdown, { defaultUrlTransform } from 'react-markdown';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import type { GuideTree } from './guideContents';
import { guideContents } from './guideContents';

export interface MarkdownGuideProps {
  /** The guide's Markdown. */
  markdown: string;
  /** The guide's pictures: the path as written (`images/x.png`) → the URL the browser loads. */
  images: Readonly<Record<string, string>>;
  /** Links to other guides: the file as written (`user-guide-shop.md`) → the app's path. */
  guideLinks?: Readonly<Record<string, string>>;
  /** Renders a link to a path of the app (the app's router link). */
  renderAppLink?: (to: string, children: ReactNode) => ReactNode;
  /** The name of the list of sections under the guide's title ("Indhold"). */
  contentsLabel: string;
  /** The guide's language (the guides are written in English). */
  lang?: string;
}

type Props<Tag extends keyof React.JSX.IntrinsicElements> = ComponentProps<Tag> & ExtraProps;

/** Headings one level down: the page's title is the h1. */
function shifted(Tag: 'h2' | 'h3' | 'h4' | 'h5' | 'h6') {
  return function Heading({ node: _node, ...props }: Props<'h1'>) {
    return <Tag {...props} />;
  };
}

const HEADINGS: Components = {
  h1: shifted('h2'),
  h2: shifted('h3'),
  h3: shifted('h4'),
  h4: shifted('h5'),
  h5: shifted('h6'),
  h6: shifted('h6'),
};

/** The link of `href` as written in the guide: in-page, to another guide, outside, or none. */
function linkOf(
  href: string,
  guideLinks: Readonly<Record<string, string>>,
): { kind: 'page' | 'outside'; href: string } | { kind: 'guide'; to: string } | null {
  if (href.startsWith('#')) {
    return { kind: 'page', href };
  }
  if (/^(https?:|mailto:)/i.test(href)) {
    return { kind: 'outside', href };
  }
  const [file = '', anchor] = href.split('#', 2);
  const to = guideLinks[file];
  if (to !== undefined) {
    return { kind: 'guide', to: anchor === undefined ? to : `${to}#${anchor}` };
  }
  return null;
}

/** Scrolls to the heading named in the address (a link from elsewhere), else to the top. */
function useScrollOnOpen(markdown: string) {
  useEffect(() => {
    const hash = globalThis.location.hash;
    const target =
      hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (target !== null) {
      target.scrollIntoView();
    } else {
      globalThis.scrollTo?.(0, 0);
    }
  }, [markdown]);
}

export function MarkdownGuide({
  markdown,
  images,
  guideLinks = {},
  renderAppLink = (to, children) => <a href={to}>{children}</a>,
  contentsLabel,
  lang = 'en',
}: MarkdownGuideProps) {
  useScrollOnOpen(markdown);
  const components: Components = {
    ...HEADINGS,
    a({ node: _node, href, children, ...props }: Props<'a'>) {
      const link = href === undefined ? null : linkOf(href, guideLinks);
      if (link === null) {
        return <span>{children}</span>;
      }
      if (link.kind === 'guide') {
        return renderAppLink(link.to, children);
      }
      return link.kind === 'outside' ? (
        <a {...props} href={link.href} target="_blank" rel="noreferrer">
          {children}
        </a>
      ) : (
        <a {...props} href={link.href}>
          {children}
        </a>
      );
    },
    img({ node: _node, src, alt, ...props }: Props<'img'>) {
      const url = typeof src === 'string' ? images[src] : undefined;
      if (url === undefined) {
        return <span className="ts-guide__missing-image">{alt}</span>;
      }
      return <img {...props} src={url} alt={alt ?? ''} loading="lazy" />;
    },
    table({ node: _node, ...props }: Props<'table'>) {
      return (
        <div className="ts-guide__table">
          <table {...props} />
        </div>
      );
    },
  };
  return (
    <article className="ts-guide" lang={lang}>
      <Markdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[
          rehypeSlug,
          [guideContents, { label: contentsLabel }] as [
            (options: { label: string }) => (tree: GuideTree) => void,
            { label: string },
          ],
        ]}
        components={components}
        skipHtml
        urlTransform={defaultUrlTransform}
      >
        {markdown}
      </Markdown>
    </article>
  );
}
