/** Shared Prettier settings: two spaces, single quotes, trailing commas. */
export default {
  tabWidth: 2,
  useTabs: false,
  singleQuote: true,
  semi: true,
  trailingComma: 'all',
  printWidth: 100,
};
