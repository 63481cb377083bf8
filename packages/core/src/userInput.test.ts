import { describe, expect, it } from 'vitest';
import {
  normalizeDate,
  normalizeTime,
  parseDanishNumber,
  validateAeTitle,
  validateDate,
  validateEmail,
  validateIpv4,
  validateLotNumber,
  validateMaxLength,
  validateNonNegativeNumber,
  validatePort,
  validatePositiveNumber,
  validatePrinterName,
  validateTime,
  validateWholePositiveNumber,
} from './userInput';
import { messageFor } from './validationMessages';
import type { ValidationIssue, ValidationResult } from './validationMessages';

/** The issue of a failed result; fails the test when the result is ok. */
function issueOf<T>(result: ValidationResult<T>): ValidationIssue {
  if (result.ok) {
    throw new Error(`expected a validation issue, got ${JSON.stringify(result.value)}`);
  }
  return result.issue;
}

describe('normalizeTime', () => {
  it.each([
    ['2:01', '02:01:00'],
    ['02:01', '02:01:00'],
    ['23:59:59', '23:59:59'],
    ['7:05:09', '07:05:09'],
    ['12:30:', '12:30:00'],
    ['9:30:', '09:30:00'],
    ['00:00', '00:00:00'],
    ['  08:15  ', '08:15:00'],
  ])('[URS-DAT-007] normalises %j to %j', (text, expected) => {
    expect(normalizeTime(text)).toBe(expected);
  });

  it.each([
    '24:00',
    '24:00:00',
    '30:00:00',
    '10:70:00',
    '10:70',
    '12:00:60',
    '230011',
    '25:00:11',
    '12.30',
    '12.30.00',
    '',
    '   ',
    '123:00',
    '12:5',
    '12:00:5',
    '12:00:00:00',
    'noon',
  ])('[URS-DAT-007] rejects %j', (text) => {
    expect(normalizeTime(text)).toBeNull();
  });
});

describe('normalizeDate', () => {
  it.each([
    ['2023-10-15', '2023-10-15'],
    ['2023/10/15', '2023-10-15'],
    ['30/11/2011', '2011-11-30'],
    ['15/10/2023', '2023-10-15'],
    ['15-10-2023', '2023-10-15'],
    ['2024-02-29', '2024-02-29'],
    [' 01/01/2025 ', '2025-01-01'],
  ])('[URS-DAT-007] normalises %j to %j', (text, expected) => {
    expect(normalizeDate(text)).toBe(expected);
  });

  it.each([
    '2023-02-30',
    '2023-02-29',
    '31/04/2024',
    '2023-13-01',
    '00/01/2023',
    '2023-10-15T10:00',
    'x2023-10-15',
    '2023-10-15x',
    '2023-10/15',
    '15.10.2023',
    '1/2/2023',
    '',
  ])('[URS-DAT-007] rejects %j', (text) => {
    expect(normalizeDate(text)).toBeNull();
  });
});

describe('parseDanishNumber', () => {
  it.each([
    ['13,44', 13.44],
    ['1,246', 1.246],
    ['1.246', 1.246],
    ['1.246e10', 1.246e10],
    ['1320512,912', 1320512.912],
    ['-1.246e10', -1.246e10],
    [' 300 ', 300],
    ['0', 0],
    [',5', 0.5],
  ])('[URS-DAT-007] reads %j as %d', (text, expected) => {
    expect(parseDanishNumber(text)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'None sense',
    'helloworld',
    '1,2,3',
    '1.2.3',
    '4a4',
    'Infinity',
    '1e999',
    '0x10',
    'NaN',
    '1 000',
  ])('[URS-DAT-007] rejects %j with null (never NaN or Infinity)', (text) => {
    expect(parseDanishNumber(text)).toBeNull();
  });
});

describe('number validators', () => {
  it('[URS-DAT-007] reads a positive Danish number', () => {
    expect(validatePositiveNumber('13,44', 'activity')).toEqual({ ok: true, value: 13.44 });
  });

  it('[URS-DAT-007] tells an empty field apart from zero', () => {
    const issue = issueOf(validatePositiveNumber('  ', 'activity'));
    expect(issue).toEqual({ key: 'input.empty', field: 'activity' });
    expect(messageFor(issue)).toBe('Aktivitet er ikke tastet ind');
  });

  it('[URS-DAT-007] gives the legacy calculator messages for helloworld, 0 and -10000', () => {
    expect(messageFor(issueOf(validatePositiveNumber('helloworld', 'activity')))).toBe(
      'Aktivitet er ikke et tal',
    );
    expect(messageFor(issueOf(validatePositiveNumber('0', 'activity')))).toBe(
      'Aktivitet kan ikke være nul',
    );
    expect(messageFor(issueOf(validatePositiveNumber('-10000', 'activity')))).toBe(
      'Aktivitet kan ikke være negativ',
    );
    expect(messageFor(issueOf(validatePositiveNumber('-1.246e10', 'volume')), 'en')).toBe(
      'Volume cannot be negative',
    );
  });

  it('[URS-DAT-007] accepts zero but not negatives when zero is allowed', () => {
    expect(validateNonNegativeNumber('0', 'overhead')).toEqual({ ok: true, value: 0 });
    expect(validateNonNegativeNumber('-0', 'overhead')).toEqual({ ok: true, value: 0 });
    expect(validateNonNegativeNumber('12,5', 'overhead')).toEqual({ ok: true, value: 12.5 });
    expect(issueOf(validateNonNegativeNumber('-1', 'overhead')).key).toBe('input.negative');
    expect(issueOf(validateNonNegativeNumber('', 'overhead')).key).toBe('input.empty');
  });

  it('[URS-DAT-007] wants whole positive numbers for injections', () => {
    expect(validateWholePositiveNumber('4', 'injections')).toEqual({ ok: true, value: 4 });
    expect(validateWholePositiveNumber('2,0', 'injections')).toEqual({ ok: true, value: 2 });
    expect(messageFor(issueOf(validateWholePositiveNumber('2,5', 'injections')))).toBe(
      'Injektioner er ikke et helt tal',
    );
    expect(issueOf(validateWholePositiveNumber('0', 'injections')).key).toBe('input.zero');
  });
});

describe('validateTime and validateDate', () => {
  it('[URS-DAT-007] normalises valid input', () => {
    expect(validateTime('9:15')).toEqual({ ok: true, value: '09:15:00' });
    expect(validateDate('30/11/2011')).toEqual({ ok: true, value: '2011-11-30' });
  });

  it('[URS-DAT-007] separates empty from malformed', () => {
    expect(issueOf(validateTime(''))).toEqual({ key: 'input.empty', field: 'time' });
    expect(messageFor(issueOf(validateTime('24:00')))).toBe(
      'Tidspunkt er ikke formateret som et tidspunkt',
    );
    expect(issueOf(validateDate(''))).toEqual({ key: 'input.empty', field: 'date' });
    expect(messageFor(issueOf(validateDate('2023-02-30')))).toBe('Dato er ikke en gyldig dato');
  });
});

describe('validateLotNumber', () => {
  it('[URS-VIA-006] accepts a whole lot number and trims it', () => {
    expect(validateLotNumber(' FDGF-240124-1 ')).toEqual({ ok: true, value: 'FDGF-240124-1' });
  });

  it('[URS-VIA-006] rejects a lot number hidden inside other text', () => {
    expect(issueOf(validateLotNumber('asæd-123021-3'))).toEqual({
      key: 'input.badLotNumber',
      field: 'lotNumber',
    });
    expect(issueOf(validateLotNumber('')).key).toBe('input.empty');
    expect(issueOf(validateLotNumber('x', 'batchNumber')).field).toBe('batchNumber');
  });
});

describe('validateMaxLength', () => {
  it('[URS-DAT-007] trims and allows up to max characters, empty included', () => {
    expect(validateMaxLength('  hej  ', 3, 'comment')).toEqual({ ok: true, value: 'hej' });
    expect(validateMaxLength('', 500, 'comment')).toEqual({ ok: true, value: '' });
  });

  it('[URS-DAT-007] names the limit in the message', () => {
    const issue = issueOf(validateMaxLength('x'.repeat(501), 500, 'comment'));
    expect(messageFor(issue)).toBe('Kommentar kan ikke være længere end 500 tegn');
  });
});

describe('validatePort', () => {
  it('accepts 1–49151', () => {
    expect(validatePort('1')).toEqual({ ok: true, value: 1 });
    expect(validatePort('104')).toEqual({ ok: true, value: 104 });
    expect(validatePort('49151')).toEqual({ ok: true, value: 49151 });
  });

  it('gives the legacy messages for 0, 65535 and 65536', () => {
    expect(messageFor(issueOf(validatePort('0')))).toBe(
      'Port skal være et positivt tal mindre end 49151',
    );
    expect(messageFor(issueOf(validatePort('65535')))).toBe('Port må ikke være en dynamisk port');
    expect(issueOf(validatePort('49152')).key).toBe('input.portDynamic');
    expect(messageFor(issueOf(validatePort('65536')))).toBe(
      'Port skal være en normal port (<49151)',
    );
  });

  it.each(['1024.00', '-1024', 'Foobar', '1e3'])('refuses %j as not a positive integer', (text) => {
    expect(issueOf(validatePort(text)).key).toBe('input.portNotPositiveInteger');
  });
});

describe('validateIpv4', () => {
  it('accepts dotted quads with leading zeros', () => {
    expect(validateIpv4('255.255.255.001')).toEqual({ ok: true, value: '255.255.255.001' });
    expect(validateIpv4('10.0.0.1')).toEqual({ ok: true, value: '10.0.0.1' });
  });

  it.each(['256.255.255.255', 'FF.FF.FF.FF', '1.2.3', '1.2.3.4.5', '1.2.3.4 x', '1..2.3'])(
    'rejects %j',
    (text) => {
      expect(issueOf(validateIpv4(text)).key).toBe('input.badIpAddress');
    },
  );
});

describe('validateAeTitle', () => {
  it('accepts 1 to 16 characters', () => {
    expect(validateAeTitle('A')).toEqual({ ok: true, value: 'A' });
    expect(validateAeTitle('TRACERSHOP_STORE')).toEqual({ ok: true, value: 'TRACERSHOP_STORE' });
  });

  it('refuses empty, longer than 16 and backslashes', () => {
    expect(issueOf(validateAeTitle('')).key).toBe('input.empty');
    expect(messageFor(issueOf(validateAeTitle('TRACERSHOP_STORE1')))).toBe(
      'AE titel skal være 1 til 16 tegn',
    );
    expect(issueOf(validateAeTitle('AE\\TITLE')).key).toBe('input.badAeTitleCharacters');
  });
});

describe('validatePrinterName', () => {
  it('allows letters including æøå, digits and dashes', () => {
    expect(validatePrinterName('Printer-Ø2')).toEqual({ ok: true, value: 'Printer-Ø2' });
  });

  it('refuses spaces and other characters', () => {
    expect(issueOf(validatePrinterName('my printer')).key).toBe('input.badPrinterName');
    expect(issueOf(validatePrinterName('printer_1')).key).toBe('input.badPrinterName');
  });
});

describe('validateEmail', () => {
  it('allows an empty address', () => {
    expect(validateEmail('  ')).toEqual({ ok: true, value: '' });
  });

  it('checks a simple shape', () => {
    expect(validateEmail('kontakt@regionh.dk')).toEqual({ ok: true, value: 'kontakt@regionh.dk' });
    expect(messageFor(issueOf(validateEmail('kontakt@regionh')))).toBe(
      'E-mail er ikke en gyldig e-mailadresse',
    );
    expect(issueOf(validateEmail('a b@c.dk')).key).toBe('input.badEmail');
  });
});
