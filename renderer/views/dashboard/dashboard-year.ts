// Which year of a plan the dashboard shows, apart from the chart code so the shell can ask for the
// dashboard's data while that code is still loading.
import type { Plan } from '../../../shared/model';

/** A plan over a period (2021-2025) is looked at one year at a time: its first year unless one is picked. */
export function dashboardYear(plan: Plan, picked: number | null = null): number {
  return picked !== null && picked >= plan.yearStart && picked <= plan.yearEnd ? picked : plan.yearStart;
}
