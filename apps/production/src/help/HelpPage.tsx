/**
 * "Hjælp" (/production/help): production's user guide, docs/user-guide-production.md, as a
 * page, and the shop's guide beside it (/production/help/shop), which the production guide
 * links to. The guides and their pictures come with the build: the Markdown as text, each
 * picture of docs/images as a hashed file of the app's assets. Loaded on first visit, with the
 * Markdown library.
 */
import { guideImagesOf, MarkdownGuide } from '@tracershop/ui/help';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import productionGuide from '../../../../docs/user-guide-production.md?raw';
import shopGuide from '../../../../docs/user-guide-shop.md?raw';
import '@tracershop/ui/help.css';
import './help.css';

const images = guideImagesOf(
  import.meta.glob<string>('../../../../docs/images/*.png', {
    eager: true,
    query: '?url',
    import: 'default',
  }),
);

/** The guides' links to each other, as written in them, and where they lead in this app. */
const GUIDE_LINKS = {
  'user-guide-production.md': '/help',
  'user-guide-shop.md': '/help/shop',
};

export default function HelpPage({ guide }: { guide: 'production' | 'shop' }) {
  const { t } = useTranslation('app');
  return (
    <section className="production-help" aria-labelledby="help-title">
      <h1 id="help-title">{t('help.title')}</h1>
      <nav className="production-help__guides" aria-label={t('help.guides')}>
        <NavLink to="/help" end>
          {t('help.production')}
        </NavLink>
        <NavLink to="/help/shop">{t('help.shop')}</NavLink>
      </nav>
      <p>{t('help.inEnglish')}</p>
      <MarkdownGuide
        markdown={guide === 'shop' ? shopGuide : productionGuide}
        images={images}
        guideLinks={GUIDE_LINKS}
        renderAppLink={(to, children) => <Link to={to}>{children}</Link>}
        contentsLabel={t('help.contents')}
      />
    </section>
  );
}
