/** `tracershop legacy-import --from mysql://…/TracerShop` (see issue: integrations). */
export async function runLegacyImport(_args: string[]): Promise<number> {
  console.error('legacy-import is not available in this build');
  return 2;
}
