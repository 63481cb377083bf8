/**
 * The web database: accounts, sessions, site settings and operational logs (docs/domain.md).
 */
import type { Sequelize } from 'sequelize';
import { defineApiTokenModels } from './apiTokens';
import { defineBackupRunModels } from './backupRuns';
import { defineNoticeModels } from './notices';
import { defineSessionModels } from './sessions';
import { defineSettingsModels } from './settings';
import { defineTelemetryModels } from './telemetry';
import { defineUserModels } from './users';

export * from './apiTokens';
export * from './backupRuns';
export * from './notices';
export * from './sessions';
export * from './settings';
export * from './telemetry';
export * from './users';

/** Defines every web model on `sequelize`; foreign keys belong to the migrations. */
export function defineWebModels(sequelize: Sequelize) {
  const models = {
    ...defineUserModels(sequelize),
    ...defineSessionModels(sequelize),
    ...defineSettingsModels(sequelize),
    ...defineTelemetryModels(sequelize),
    ...defineNoticeModels(sequelize),
    ...defineBackupRunModels(sequelize),
    ...defineApiTokenModels(sequelize),
  };
  const m = models;
  const c = { constraints: false } as const;

  m.UserAssignment.belongsTo(m.User, { as: 'user', foreignKey: 'userId', ...c });
  m.User.hasMany(m.UserAssignment, { as: 'assignments', foreignKey: 'userId', ...c });
  m.Session.belongsTo(m.User, { as: 'user', foreignKey: 'userId', ...c });
  m.ApiToken.belongsTo(m.User, { as: 'owner', foreignKey: 'ownerId', ...c });
  m.ServerSettings.belongsTo(m.Printer, {
    as: 'activePrinter',
    foreignKey: 'activePrinterId',
    ...c,
  });
  m.ServerSettings.belongsTo(m.Printer, {
    as: 'activeLabelPrinter',
    foreignKey: 'activeLabelPrinterId',
    ...c,
  });
  m.ServerSettings.belongsTo(m.ServiceAddress, {
    as: 'risAddress',
    foreignKey: 'risAddressId',
    ...c,
  });

  return models;
}

export type WebModels = ReturnType<typeof defineWebModels>;
