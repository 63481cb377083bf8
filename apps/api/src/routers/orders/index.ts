/**
 * Orders: the shop's and production's reads (the order window, the shop's day of an
 * endpoint, the production page of a tracer) and the writes of activity, injection and
 * isotope orders. Releasing and correcting are the release router's.
 */
import { ordersWindowInput } from '@tracershop/core';
import { procedure, router } from '../../trpc/init';
import { activityOrdersRouter } from './activityOrders';
import { injectionOrdersRouter } from './injectionOrders';
import { isotopeDayInput, readIsotopeDay } from './isotopeDay';
import { isotopeOrdersRouter } from './isotopeOrders';
import { readOrdersWindow } from './orderWindow';
import { productionDayInput, readProductionDay } from './productionDay';
import { readShopDay, shopDayInput } from './shopDay';

export const ordersRouter = router({
  /** The shop's window of orders around a date: the caller's customers only (site admin: all). */
  window: procedure('order.shop.read')
    .input(ordersWindowInput)
    .query(({ ctx, input }) => readOrdersWindow(ctx.services, ctx.user, input)),

  /** Production's window of orders around a date: every customer. */
  productionWindow: procedure('order.production.read')
    .input(ordersWindowInput)
    .query(({ ctx, input }) => readOrdersWindow(ctx.services, ctx.user, input)),

  /** The shop's order overview of one endpoint on one date. */
  shopDay: procedure('order.shop.read')
    .input(shopDayInput)
    .query(({ ctx, input }) => readShopDay(ctx.services, ctx.user, input)),

  /** The production page of one tracer on one date, with core's figures. */
  productionDay: procedure('order.production.read')
    .input(productionDayInput)
    .query(({ ctx, input }) => readProductionDay(ctx.services, input)),

  /** One isotope's runs and delivery cards on one date, with core's figures. */
  isotopeDay: procedure('order.production.read')
    .input(isotopeDayInput)
    .query(({ ctx, input }) => readIsotopeDay(ctx.services, input)),

  activity: activityOrdersRouter,
  injection: injectionOrdersRouter,
  isotope: isotopeOrdersRouter,
});
