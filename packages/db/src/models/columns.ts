/**
 * The column kinds every model uses, so that a date, a time of day, an instant or an enum is
 * declared the same way everywhere (docs/domain.md formats).
 */
import { toPlainDate } from '@tracershop/core';
import { DataTypes } from 'sequelize';
import type { ModelAttributeColumnOptions } from 'sequelize';

export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

type Column = ModelAttributeColumnOptions;

export function idColumn(): Column {
  return { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false };
}

/** An id of a row in the same database; the foreign key itself is declared by the migration. */
export function referenceColumn(allowNull = false): Column {
  return { type: DataTypes.INTEGER, allowNull };
}

/** An id of a row in the other database (no foreign key can span the two). */
export function foreignIdColumn(allowNull = true): Column {
  return { type: DataTypes.INTEGER, allowNull };
}

/** `'YYYY-MM-DD'`, a calendar date of the site. */
export function calendarDateColumn(allowNull = false): Column {
  return {
    type: DataTypes.DATEONLY,
    allowNull,
    validate: {
      isCalendarDate(value: unknown) {
        if (value === null || value === undefined) {
          return;
        }
        if (typeof value !== 'string') {
          throw new Error('must be a date text YYYY-MM-DD');
        }
        // core's parser rejects 2024-02-30 as well as malformed text.
        toPlainDate(value);
      },
    },
  };
}

/** `'HH:MM:SS'`, a wall-clock time of day of the site. */
export function timeOfDayColumn(allowNull = false): Column {
  return {
    type: DataTypes.TIME,
    allowNull,
    validate: {
      isTimeOfDay(value: unknown) {
        if (value === null || value === undefined) {
          return;
        }
        if (typeof value !== 'string' || !TIME_OF_DAY_PATTERN.test(value)) {
          throw new Error('must be a time of day HH:MM:SS');
        }
      },
    },
  };
}

/** An instant, stored in UTC with milliseconds. */
export function instantColumn(allowNull = false): Column {
  return { type: DataTypes.DATE(3), allowNull };
}

/** A numeric enum stored as a small integer with exactly the values of `values`. */
export function enumColumn(
  values: readonly number[],
  options: { allowNull?: boolean; defaultValue?: number } = {},
): Column {
  return {
    type: DataTypes.SMALLINT,
    allowNull: options.allowNull ?? false,
    ...(options.defaultValue === undefined ? {} : { defaultValue: options.defaultValue }),
    validate: { isIn: [[...values]] },
  };
}

/** A text enum (source, kind, scope) stored as a short string. */
export function textEnumColumn(
  values: readonly string[],
  options: { allowNull?: boolean; defaultValue?: string } = {},
): Column {
  return {
    type: DataTypes.STRING(16),
    allowNull: options.allowNull ?? false,
    ...(options.defaultValue === undefined ? {} : { defaultValue: options.defaultValue }),
    validate: { isIn: [[...values]] },
  };
}

export function weekdayColumn(allowNull = false): Column {
  return { type: DataTypes.SMALLINT, allowNull, validate: { min: 0, max: 6 } };
}

export function stringColumn(length: number, allowNull = false, defaultValue?: string): Column {
  return {
    type: DataTypes.STRING(length),
    allowNull,
    ...(defaultValue === undefined ? {} : { defaultValue }),
    validate: { len: [0, length] },
  };
}

export function booleanColumn(defaultValue: boolean): Column {
  return { type: DataTypes.BOOLEAN, allowNull: false, defaultValue };
}

export function doubleColumn(allowNull = false, defaultValue?: number): Column {
  return {
    type: DataTypes.DOUBLE,
    allowNull,
    ...(defaultValue === undefined ? {} : { defaultValue }),
  };
}
