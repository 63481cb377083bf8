/**
 * The "Printer" set-up page: the printers (`setup.printers.*`), the choice of the active label
 * and delivery-note printers (`setup.printers.choose`, stored in the server settings) and a
 * test page on one printer (`printing.testPrint`, which reports the job or why it failed).
 */
import type { RouterOutputs } from '@tracershop/api';
import { useTRPC } from '@tracershop/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSetupWrite } from '../setupWrites';

type Outputs = RouterOutputs;
export type Printer = Outputs['setup']['printers']['list'][number];
export type TestPrintResult = Outputs['printing']['testPrint'];

export function usePrinters() {
  const trpc = useTRPC();
  return useQuery(trpc.setup.printers.list.queryOptions());
}

export function usePrinterWrites() {
  const trpc = useTRPC();
  const printers = trpc.setup.printers;
  const list = printers.list.pathFilter();
  return {
    create: useSetupWrite(printers.create.mutationOptions(), list),
    edit: useSetupWrite(printers.edit.mutationOptions(), list),
    remove: useSetupWrite(printers.delete.mutationOptions(), list),
    choose: useSetupWrite(printers.choose.mutationOptions(), trpc.setup.settings.read.pathFilter()),
    // A test page changes nothing stored.
    testPrint: useMutation(trpc.printing.testPrint.mutationOptions()),
  };
}
