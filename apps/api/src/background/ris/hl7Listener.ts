import type { BackgroundServiceStarter } from '../backgroundService';

export const startHl7Service: BackgroundServiceStarter = async () => null;
