/**
 * `@tracershop/ui/help`: the user guides as pages. Kept apart from the package's main entry so
 * the Markdown library is only loaded with an app's help page.
 */
export { MarkdownGuide } from './MarkdownGuide';
export type { MarkdownGuideProps } from './MarkdownGuide';
export { guideImagesOf } from './guideImages';
