import type { BackgroundServiceStarter } from './backgroundService';

export const startRetentionService: BackgroundServiceStarter = async () => null;
