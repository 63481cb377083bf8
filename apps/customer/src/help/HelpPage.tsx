/**
 * "Hjælp" (/shop/help): the shop's user guide, docs/user-guide-shop.md, as a page. The guide
 * and its pictures come with the build: the Markdown as text, each picture of docs/images as
 * a hashed file of the app's assets. Loaded on first visit, with the Markdown library.
 */
import { guideImagesOf, MarkdownGuide } from '@tracershop/ui/help';
import { useTranslation } from 'react-i18next';
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

export default function HelpPage() {
  const { t } = useTranslation('app');
  return (
    <section className="shop-help" aria-labelledby="help-title">
      <h1 id="help-title">{t('help.title')}</h1>
      <p>{t('help.guide')}</p>
      <MarkdownGuide markdown={shopGuide} images={images} contentsLabel={t('help.contents')} />
    </section>
  );
}
