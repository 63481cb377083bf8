import type { BackgroundServiceStarter } from '../backgroundService';

export const startWorklistService: BackgroundServiceStarter = async () => null;
