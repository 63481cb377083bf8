import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { guideImagesOf } from './guideImages';
import { MarkdownGuide } from './MarkdownGuide';

const GUIDE = `# User guide — test

Intro with \`inline code\` and a [link to ordering](#ordering-activity).

## Logging in

Type your name.

![The login page](images/01-login.png)

## Ordering activity

1. Type the activity.
2. Press "Bestil".

| colour | meaning  |
| ------ | -------- |
| red    | ordered  |
| green  | released |

\`\`\`
npm test
\`\`\`

See [the shop guide](user-guide-shop.md#logging-in), [operations](operations.md) and
[the web](https://example.org/).

<script>alert('no')</script><b>raw html</b>

![Not shipped](images/missing.png)
`;

const IMAGES = guideImagesOf({
  '../../../../docs/images/01-login.png': '/shop/assets/01-login-abc123.png',
});

function renderGuide(props: { renderAppLink?: (to: string, children: ReactNode) => ReactNode }) {
  return render(
    <MarkdownGuide
      markdown={GUIDE}
      images={IMAGES}
      guideLinks={{ 'user-guide-shop.md': '/help/shop' }}
      contentsLabel="Indhold"
      {...props}
    />,
  );
}

describe('MarkdownGuide', () => {
  it('renders the headings one level below the page title, with ids for anchors', () => {
    renderGuide({});
    const title = screen.getByRole('heading', { level: 2, name: 'User guide — test' });
    expect(title.id).toBe('user-guide--test');
    const section = screen.getByRole('heading', { level: 3, name: 'Ordering activity' });
    expect(section.id).toBe('ordering-activity');
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    expect(screen.getByRole('article').getAttribute('lang')).toBe('en');
  });

  it('shows a picture from the build’s URL, with its alt text', () => {
    renderGuide({});
    const picture = screen.getByRole('img', { name: 'The login page' });
    expect(picture.getAttribute('src')).toBe('/shop/assets/01-login-abc123.png');
    expect(screen.getAllByRole('img')).toHaveLength(1);
    expect(screen.getByText('Not shipped')).toBeTruthy();
  });

  it('links to the sections: the in-guide link and the list of contents under the title', () => {
    renderGuide({});
    expect(screen.getByRole('link', { name: 'link to ordering' }).getAttribute('href')).toBe(
      '#ordering-activity',
    );
    const contents = screen.getByRole('navigation', { name: 'Indhold' });
    expect(
      within(contents)
        .getAllByRole('link')
        .map((link) => [link.textContent, link.getAttribute('href')]),
    ).toEqual([
      ['Logging in', '#logging-in'],
      ['Ordering activity', '#ordering-activity'],
    ]);
    // Right after the title.
    expect(screen.getByRole('heading', { level: 2 }).nextElementSibling).toBe(contents);
  });

  it('renders lists, tables and code', () => {
    renderGuide({});
    expect(
      screen
        .getAllByRole('listitem')
        .map((item) => item.textContent)
        .slice(-2),
    ).toEqual(['Type the activity.', 'Press "Bestil".']);
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['colour', 'meaning']);
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText('inline code').tagName).toBe('CODE');
    expect(screen.getByText('npm test').closest('pre')).toBeTruthy();
  });

  it('leaves HTML written in the guide out, and never runs it', () => {
    const { container } = renderGuide({});
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).not.toContain('alert');
  });

  it('links another guide through the app’s router, keeps outside links and drops the rest', () => {
    const renderAppLink = vi.fn((to: string, children: ReactNode) => (
      <button type="button" data-to={to}>
        {children}
      </button>
    ));
    renderGuide({ renderAppLink });
    expect(screen.getByRole('button', { name: 'the shop guide' }).dataset.to).toBe(
      '/help/shop#logging-in',
    );
    expect(screen.queryByRole('link', { name: 'operations' })).toBeNull();
    expect(screen.getByText('operations').tagName).toBe('SPAN');
    const outside = screen.getByRole('link', { name: 'the web' });
    expect(outside.getAttribute('href')).toBe('https://example.org/');
    expect(outside.getAttribute('rel')).toBe('noreferrer');
  });

  it('refuses a javascript: link', () => {
    render(
      <MarkdownGuide markdown="[click](javascript:alert(1))" images={{}} contentsLabel="Indhold" />,
    );
    expect(screen.queryByRole('link', { name: 'click' })).toBeNull();
  });
});
