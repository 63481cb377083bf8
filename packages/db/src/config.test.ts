import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseOptionsFromEnv, parseMysqlUrl, redactUrl, resolveTarget } from './config';

describe('database configuration', () => {
  it('defaults to two SQLite files in ./data', () => {
    expect(resolveTarget('record', undefined, undefined)).toEqual({
      dialect: 'sqlite',
      storage: path.resolve('data', 'record.sqlite'),
    });
    expect(resolveTarget('web', undefined, '/srv/tracershop')).toEqual({
      dialect: 'sqlite',
      storage: '/srv/tracershop/web.sqlite',
    });
  });

  it('reads the URLs and the data folder from the environment, ignoring blanks', () => {
    expect(
      databaseOptionsFromEnv({
        RECORD_DATABASE_URL: 'mysql://a@h/record',
        WEB_DATABASE_URL: ' ',
        TRACERSHOP_DATA_DIR: '/var/lib/tracershop',
      }),
    ).toEqual({
      recordUrl: 'mysql://a@h/record',
      webUrl: undefined,
      dataDir: '/var/lib/tracershop',
    });
  });

  it('parses a MySQL URL, decoding user and password', () => {
    expect(
      parseMysqlUrl('mysql://tracer%40shop:p%40ss%3Aword@db.example:3307/tracershop_record'),
    ).toEqual({
      dialect: 'mysql',
      host: 'db.example',
      port: 3307,
      database: 'tracershop_record',
      username: 'tracer@shop',
      password: 'p@ss:word',
    });
    expect(parseMysqlUrl('mariadb://root@127.0.0.1/web')).toMatchObject({
      port: 3306,
      password: '',
    });
  });

  it('refuses URLs without a database or of another kind', () => {
    expect(() => parseMysqlUrl('mysql://root@127.0.0.1:3306/')).toThrow(/one database/);
    expect(() => parseMysqlUrl('postgres://root@h/db')).toThrow(/Unsupported/);
    expect(() => resolveTarget('record', 'not a url', undefined)).toThrow(/Not a database URL/);
  });

  it('accepts sqlite: URLs and hides passwords in messages', () => {
    expect(resolveTarget('record', 'sqlite:/tmp/r.sqlite', undefined)).toEqual({
      dialect: 'sqlite',
      storage: '/tmp/r.sqlite',
    });
    expect(redactUrl('mysql://user:secret@host:3306/db')).toBe('mysql://user:***@host:3306/db');
  });
});
