/**
 * Vials: production reads and hand-made tracer and isotope vials (immutable once assigned to
 * a release), the shop's read of what was delivered, and the rescan of the dispenser folder.
 */
import { router } from '../../trpc/init';
import {
  createIsotopeVial,
  deleteIsotopeVial,
  editIsotopeVial,
  listIsotopeVials,
} from './isotopeVials';
import { releasedVials } from './releasedVials';
import { createVial, deleteVial, editVial, listVials, vialsForSlot } from './tracerVials';
import { rescanVials } from './vialRescan';

export const vialsRouter = router({
  list: listVials,
  forSlot: vialsForSlot,
  create: createVial,
  edit: editVial,
  delete: deleteVial,
  released: releasedVials,
  rescan: rescanVials,
  isotope: router({
    list: listIsotopeVials,
    create: createIsotopeVial,
    edit: editIsotopeVial,
    delete: deleteIsotopeVial,
  }),
});
