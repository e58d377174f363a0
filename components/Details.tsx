/**
 * A row's details, whose module (RowDetails: the charts with dates, the rank history, the creators,
 * their styles) loads on the first expand. Until then the details' box stands in, so the row's
 * toggle controls an element that is there.
 */
import { lazy } from './lazy';
import type { RowDetailsProps } from './RowDetails';

export const Details = lazy<RowDetailsProps>(
  () => import('./RowDetails').then((module) => module.RowDetails),
  ({ id }) => <div class="details" id={id} aria-busy="true" />,
);
