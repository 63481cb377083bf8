/**
 * The "Printer" set-up page: the printers (`setup.printers.*`), the choice of the active label
 * and delivery-note printers (`setup.printers.choose`, stored in the server settings) and a
 * test page on one printer (`printing.testPrint`, which reports the job or why it failed).
 */
import type { AppRouter } from '@tracershop/api';
import type { PrinterCreateInput, PrinterEditInput } from '@tracershop/core';
import { apiQueryKey, useApi } from '@tracershop/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { SETTINGS } from '../settings/settingsApi';
import { useSetupWrite } from '../setupWrites';

type Outputs = inferRouterOutputs<AppRouter>;
export type Printer = Outputs['setup']['printers']['list'][number];
export type TestPrintResult = Outputs['printing']['testPrint'];

const PRINTERS = apiQueryKey('setup.printers.list');

export function usePrinters() {
  const { client } = useApi();
  return useQuery({ queryKey: PRINTERS, queryFn: () => client.setup.printers.list.query() });
}

export function usePrinterWrites() {
  const { client } = useApi();
  const create = useSetupWrite(
    (input: PrinterCreateInput) => client.setup.printers.create.mutate(input),
    PRINTERS,
  );
  const edit = useSetupWrite(
    (input: PrinterEditInput) => client.setup.printers.edit.mutate(input),
    PRINTERS,
  );
  const remove = useSetupWrite(
    (id: number) => client.setup.printers.delete.mutate({ id }),
    PRINTERS,
  );
  const choose = useSetupWrite(
    (input: { activePrinterId?: number | null; activeLabelPrinterId?: number | null }) =>
      client.setup.printers.choose.mutate(input),
    SETTINGS,
  );
  // A test page changes nothing stored.
  const testPrint = useMutation({
    mutationFn: (printerId: number) => client.printing.testPrint.mutate({ printerId }),
  });
  return { create, edit, remove, choose, testPrint };
}
