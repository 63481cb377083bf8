import type { BackgroundServiceStarter } from '../backgroundService';

export const startVialWatchService: BackgroundServiceStarter = async () => null;
