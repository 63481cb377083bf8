/**
 * The isotope view's reads and writes, as query and mutation options of the router
 * (`useTRPC()`; live events refresh them): the isotope's day (`orders.isotopeDay`: runs and
 * delivery cards with core's figures, computed by the api), the isotope vials of the day, the
 * status changes, dose edits and production's delete of isotope orders, production's order for
 * a customer, hand-made vials (created, edited, deleted), release and correction, and the
 * release document printed.
 */
import type { RouterInputs, RouterOutputs } from '@tracershop/api';
import { useTRPC } from '@tracershop/ui';
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
  const trpc = useTRPC();
  return useQuery(trpc.orders.isotopeDay.queryOptions({ date, isotopeId }));
}

/** The isotope vials calibrated on `date` (site calendar), delivered or not. */
export function useIsotopeVials(isotopeId: number, date: string) {
  const trpc = useTRPC();
  return useQuery(trpc.vials.isotope.list.queryOptions({ isotopeId, date, limit: VIALS_PER_DAY }));
}

export function useIsotopeWrites() {
  const trpc = useTRPC();
  const onSuccess = useOrdersRefresh();
  const isotope = trpc.orders.isotope;
  return {
    accept: useMutation(isotope.accept.mutationOptions({ onSuccess })),
    reject: useMutation(isotope.reject.mutationOptions({ onSuccess })),
    unreject: useMutation(isotope.unreject.mutationOptions({ onSuccess })),
    editDose: useMutation(isotope.editDose.mutationOptions({ onSuccess })),
    create: useMutation(isotope.createForCustomer.mutationOptions({ onSuccess })),
    createVial: useMutation(trpc.vials.isotope.create.mutationOptions({ onSuccess })),
    editVial: useMutation(trpc.vials.isotope.edit.mutationOptions({ onSuccess })),
    deleteVial: useMutation(trpc.vials.isotope.delete.mutationOptions({ onSuccess })),
    release: useMutation(trpc.release.isotope.mutationOptions({ onSuccess })),
    correct: useMutation(trpc.release.correct.mutationOptions({ onSuccess })),
    productionDelete: useMutation(isotope.productionDelete.mutationOptions({ onSuccess })),
    printCertificate: useMutation(trpc.printing.isotopeCertificate.mutationOptions()),
  };
}
