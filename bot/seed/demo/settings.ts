// Demo settings: the defaults, with a lead for every pillar and one pillar lead subscribed to the
// digest (the CTO and the Transformation Office, role cto, receive it anyway).
import { defaultSettings, type Settings } from '../../domain/settings.js';
import type { SeedTime } from '../seed-time.js';

export const DEMO_PILLAR_LEADS: Settings['pillarLeads'] = {
  GOV: ['p-rajesh-iyer'],
  SPT: ['p-owner'],
  PAC: ['p-leila-benali'],
  RES: ['p-wei-zhang'],
  MAP: ['p-youssef-el-amrani'],
};

export function buildDemoSettings(t: SeedTime): Settings {
  return {
    ...defaultSettings(t.nowIso),
    pillarLeads: DEMO_PILLAR_LEADS,
    digestSubscribers: ['p-leila-benali'],
  };
}
