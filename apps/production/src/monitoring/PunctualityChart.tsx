/**
 * The punctuality pie (docs/domain.md): Frigivet til tiden (green), Forsinket max 30 min
 * (yellow), Forsinket mere end 30 min (red), Ej frigivet (blue), drawn as SVG slices with the
 * legacy hover texts as their titles, and the same counts as a table for screen readers and
 * for reading off exact numbers.
 */
import type { Punctuality } from '@tracershop/core';
import { PUNCTUALITIES } from '@tracershop/core';
import { useTranslation } from 'react-i18next';
import type { PunctualityCounts } from './monitoringApi';

const RADIUS = 90;
const CENTRE = 100;

/** The colour of each category (legacy chart colours). */
export const PUNCTUALITY_COLOURS: Record<Punctuality, string> = {
  onTime: '#2e9e44',
  late30: '#f2c12e',
  lateMore: '#d63c3c',
  notReleased: '#2f6fbf',
};

function pointAt(fraction: number): string {
  const angle = 2 * Math.PI * fraction - Math.PI / 2;
  const x = CENTRE + RADIUS * Math.cos(angle);
  const y = CENTRE + RADIUS * Math.sin(angle);
  return `${x.toFixed(3)} ${y.toFixed(3)}`;
}

/** The SVG path of the slice from `start` to `end` (fractions of the circle, clockwise from 12). */
export function slicePath(start: number, end: number): string {
  const largeArc = end - start > 0.5 ? 1 : 0;
  return `M ${CENTRE} ${CENTRE} L ${pointAt(start)} A ${RADIUS} ${RADIUS} 0 ${largeArc} 1 ${pointAt(end)} Z`;
}

export interface PunctualityChartProps {
  counts: PunctualityCounts;
  /** What the chart is of ("FDG – November 2026"). */
  caption: string;
}

function percentOf(count: number, total: number): string {
  return total === 0 ? '0 %' : `${Math.round((100 * count) / total)} %`;
}

export function PunctualityChart({ counts, caption }: PunctualityChartProps) {
  const { t } = useTranslation('app');
  const present = PUNCTUALITIES.filter((category) => counts[category] > 0);
  let start = 0;
  const slices = present.map((category) => {
    const end = start + counts[category] / counts.total;
    const slice = { category, start, end };
    start = end;
    return slice;
  });

  return (
    <figure className="monitoring-chart">
      <div className="monitoring-chart__body">
        <svg
          viewBox="0 0 200 200"
          width="260"
          height="260"
          role="img"
          aria-label={t('monitoring.chartLabel', { caption })}
        >
          {counts.total === 0 ? (
            <circle
              cx={CENTRE}
              cy={CENTRE}
              r={RADIUS}
              fill="none"
              stroke="#ccc"
              strokeWidth="2"
              data-slice="empty"
            />
          ) : (
            slices.map(({ category, start: from, end }) => {
              const title = t(`monitoring.hover.${category}`, { count: counts[category] });
              return slices.length === 1 ? (
                <circle
                  key={category}
                  cx={CENTRE}
                  cy={CENTRE}
                  r={RADIUS}
                  fill={PUNCTUALITY_COLOURS[category]}
                  data-slice={category}
                >
                  <title>{title}</title>
                </circle>
              ) : (
                <path
                  key={category}
                  d={slicePath(from, end)}
                  fill={PUNCTUALITY_COLOURS[category]}
                  stroke="#fff"
                  strokeWidth="1"
                  data-slice={category}
                >
                  <title>{title}</title>
                </path>
              );
            })
          )}
        </svg>
        <ul className="monitoring-chart__legend">
          {PUNCTUALITIES.map((category) => (
            <li key={category}>
              <span
                className="monitoring-chart__swatch"
                style={{ background: PUNCTUALITY_COLOURS[category] }}
                aria-hidden="true"
              />
              {t(`monitoring.categories.${category}`)}
            </li>
          ))}
        </ul>
      </div>
      <figcaption>{caption}</figcaption>
      {counts.total === 0 ? <p>{t('monitoring.noOrders')}</p> : null}
      <table className="production-table monitoring-chart__table">
        <caption className="ts-visually-hidden">
          {t('monitoring.tableCaption', { caption })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('monitoring.columns.what')}</th>
            <th scope="col">{t('monitoring.columns.count')}</th>
            <th scope="col">{t('monitoring.columns.share')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('monitoring.rows.total')}</th>
            <td>{counts.total}</td>
            <td>{counts.total === 0 ? '' : '100 %'}</td>
          </tr>
          {PUNCTUALITIES.map((category) => (
            <tr key={category} data-category={category}>
              <th scope="row">
                <span
                  className="monitoring-chart__swatch"
                  style={{ background: PUNCTUALITY_COLOURS[category] }}
                  aria-hidden="true"
                />
                {t(`monitoring.rows.${category}`)}
              </th>
              <td>{counts[category]}</td>
              <td>{percentOf(counts[category], counts.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
