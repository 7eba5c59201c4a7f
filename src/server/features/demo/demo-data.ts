// Demo data for `npm start`: a user of every role in every portal. The README lists these logins.
import type { TPortalId, TRole } from '../../../shared/portals.ts';

export const DEMO_PRODUCERS_CSV = `agent_unique_id,first_name,last_name,email,agency_name,states
000600492,Jessica,Camp,Jessica_Camp@hscil.com,Camp Insurance Group,IL;TX
000600501,Marcus,Reyes,marcus.reyes@lonestar-benefits.example,Lone Star Benefits LLC,TX;OK;NM
000600512,Dana,Whitfield,dana.whitfield@bigsky-agency.example,Big Sky Agency,MT
000600523,Priya,Natarajan,priya.natarajan@prairie-health.example,Prairie Health Partners,IL;OK
`;

export interface TDemoLogin {
  portalId: TPortalId;
  username: string;
  password: string;
  role: TRole;
  firstName: string;
  lastName: string;
  email: string;
  producer?: string;
  group?: string;
}

export const DEMO_LOGINS: TDemoLogin[] = [
  {
    portalId: 'producers',
    username: 'mreyes',
    password: 'Producer#2026',
    role: 'primary-producer',
    firstName: 'Marcus',
    lastName: 'Reyes',
    email: 'marcus.reyes@lonestar-benefits.example',
    producer: '000600501',
  },
  {
    portalId: 'producers',
    username: 'lkim',
    password: 'Producer#2026',
    role: 'producer-user',
    firstName: 'Linda',
    lastName: 'Kim',
    email: 'linda.kim@lonestar-benefits.example',
    producer: '000600501',
  },
  {
    portalId: 'employers',
    username: 'agarcia',
    password: 'Employer#2026',
    role: 'delegated-admin',
    firstName: 'Ana',
    lastName: 'Garcia',
    email: 'ana.garcia@acme-mfg.example',
    group: '100234',
  },
  {
    portalId: 'employers',
    username: 'bnguyen',
    password: 'Employer#2026',
    role: 'alternate-delegated-admin',
    firstName: 'Bao',
    lastName: 'Nguyen',
    email: 'bao.nguyen@acme-mfg.example',
    group: '100234',
  },
  {
    portalId: 'employers',
    username: 'cjohnson',
    password: 'Employer#2026',
    role: 'employer-user',
    firstName: 'Chris',
    lastName: 'Johnson',
    email: 'chris.johnson@acme-mfg.example',
    group: '100234',
  },
  {
    portalId: 'retail',
    username: 'jessicacamp',
    password: 'Retail26',
    role: 'retail-producer',
    firstName: 'Jessica',
    lastName: 'Camp',
    email: 'Jessica_Camp@hscil.com',
    producer: '000600492',
  },
  {
    portalId: 'staff',
    username: 'helpdesk',
    password: 'Staff#2026!',
    role: 'help-desk',
    firstName: 'Hank',
    lastName: 'Morris',
    email: 'helpdesk@carrier.example',
  },
  {
    portalId: 'staff',
    username: 'prodservices',
    password: 'Staff#2026!',
    role: 'producer-services',
    firstName: 'Paula',
    lastName: 'Ortiz',
    email: 'producer.services@carrier.example',
  },
  {
    portalId: 'staff',
    username: 'secadmin',
    password: 'Staff#2026!',
    role: 'security-admin',
    firstName: 'Sam',
    lastName: 'Lee',
    email: 'security@carrier.example',
  },
];
