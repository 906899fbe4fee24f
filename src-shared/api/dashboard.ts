import { z } from 'zod';
import { query } from './def';
import type { DashboardSummary } from '../domain';

export const dashboardApi = {
  'dashboard.summary': query<DashboardSummary>()(z.strictObject({})),
};
