/**
 * The isotope view's reads and writes as TanStack Query hooks keyed by procedure path (live
 * events refresh them): the isotope's day (`orders.isotopeDay`: runs and delivery cards with
 * core's figures, computed by the api), the isotope vials of the day, the status changes and
 * dose edits of isotope orders, production's order for a customer, hand-made vials, release
 * and correction.
 */
import type { RouterInputs, RouterOutputs } from '@tracershop/api';
import { apiQueryKey, useApi } from '@tracershop/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useOrdersRefresh } from '../special/specialApi';

type Outputs = RouterOutputs;
type Inputs = RouterInputs;
export type IsotopeDay = Outputs['orders']['isotopeDay'];
/** One isotope delivery on the day: its orders, delivered vials and core's totals. */
export type IsotopeCardData = IsotopeDay['deliveries'][number];
export type IsotopeVial = Outputs['vials']['isotope']['list']['isotopeVials'][number];
export type IsotopeVialCreate = Inputs['vials']['isotope']['create'];
export type IsotopeVialEdit = Inputs['vials']['isotope']['edit'];
export type IsotopeOrderCreate = Inputs['orders']['isotope']['createForCustomer'];
export type IsotopeRelease = Inputs['release']['isotope'];

/** The most vials of one isotope calibrated on one day that the view reads. */
const VIALS_PER_DAY = 1000;

/** One isotope's production runs and delivery cards on `date`. */
export function useIsotopeDay(isotopeId: number, date: string) {
  const { client } = useApi();
  const input = { date, isotopeId };
  return useQuery({
    queryKey: apiQueryKey('orders.isotopeDay', input),
    queryFn: () => client.orders.isotopeDay.query(input),
  });
}

/** The isotope vials calibrated on `date` (site calendar), delivered or not. */
export function useIsotopeVials(isotopeId: number, date: string) {
  const { client } = useApi();
  const input = { isotopeId, date, limit: VIALS_PER_DAY };
  return useQuery({
    queryKey: apiQueryKey('vials.isotope.list', input),
    queryFn: () => client.vials.isotope.list.query(input),
  });
}

export function useIsotopeWrites() {
  const { client } = useApi();
  const onSuccess = useOrdersRefresh();
  const accept = useMutation({
    mutationFn: (orderIds: number[]) => client.orders.isotope.accept.mutate({ orderIds }),
    onSuccess,
  });
  const reject = useMutation({
    mutationFn: (orderIds: number[]) => client.orders.isotope.reject.mutate({ orderIds }),
    onSuccess,
  });
  const unreject = useMutation({
    mutationFn: (orderIds: number[]) => client.orders.isotope.unreject.mutate({ orderIds }),
    onSuccess,
  });
  const editDose = useMutation({
    mutationFn: (input: { id: number; orderedActivity: number }) =>
      client.orders.isotope.editDose.mutate(input),
    onSuccess,
  });
  const create = useMutation({
    mutationFn: (input: IsotopeOrderCreate) =>
      client.orders.isotope.createForCustomer.mutate(input),
    onSuccess,
  });
  const createVial = useMutation({
    mutationFn: (input: IsotopeVialCreate) => client.vials.isotope.create.mutate(input),
    onSuccess,
  });
  const editVial = useMutation({
    mutationFn: (input: IsotopeVialEdit) => client.vials.isotope.edit.mutate(input),
    onSuccess,
  });
  const release = useMutation({
    mutationFn: (input: IsotopeRelease) => client.release.isotope.mutate(input),
    onSuccess,
  });
  const correct = useMutation({
    mutationFn: (input: { orderIds: number[]; password: string }) =>
      client.release.correct.mutate({ isotopeOrderIds: input.orderIds, password: input.password }),
    onSuccess,
  });
  return { accept, reject, unreject, editDose, create, createVial, editVial, release, correct };
}
