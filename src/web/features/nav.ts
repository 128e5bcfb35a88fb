import type { Me } from '../api/session';
import type { MessageKey } from '../i18n';

export interface NavItem {
  to: string;
  label: MessageKey;
  group: 'organization' | 'national';
  /** Decided from the policies the server sent; the UI never re-derives the rules. */
  visible: (me: Me) => boolean;
}

const can = (me: Me, module: string, action: string) => me.policies[module]?.[action] === true;

/** The left navigation, in the order a municipality works. A new module adds its pages here (and in routes.tsx). */
export const navItems: NavItem[] = [
  { to: '/', label: 'nav.start', group: 'organization', visible: (me) => can(me, 'organizations', 'view') },
  { to: '/egenvurdering', label: 'nav.assessment', group: 'organization', visible: (me) => can(me, 'assessment', 'view') },
  { to: '/samsvar', label: 'nav.compliance', group: 'organization', visible: (me) => can(me, 'assessment', 'viewAll') },
  { to: '/handlingsplan', label: 'nav.actions', group: 'organization', visible: (me) => can(me, 'actions', 'view') },
  { to: '/systemer', label: 'nav.systems', group: 'organization', visible: (me) => can(me, 'systems', 'view') },
  { to: '/leverandorer', label: 'nav.vendors', group: 'organization', visible: (me) => can(me, 'vendors', 'view') && me.organization?.kind !== 'national' },
  { to: '/risikovurdering', label: 'nav.risk', group: 'organization', visible: (me) => can(me, 'risk', 'view') },
  { to: '/behandlingsprotokoll', label: 'nav.processing', group: 'organization', visible: (me) => can(me, 'processing', 'view') },
  { to: '/dpia', label: 'nav.dpia', group: 'organization', visible: (me) => can(me, 'dpia', 'view') },
  { to: '/rapporter', label: 'nav.reports', group: 'organization', visible: (me) => can(me, 'reports', 'download') },
  { to: '/varsler', label: 'nav.notifications', group: 'organization', visible: (me) => can(me, 'notifications', 'view') },
  { to: '/leverandorportal', label: 'nav.portal', group: 'organization', visible: (me) => can(me, 'vendorPortal', 'answer') },
  { to: '/kravbibliotek', label: 'nav.library', group: 'organization', visible: (me) => can(me, 'library', 'read') },
  { to: '/felles-tiltak', label: 'nav.measures', group: 'organization', visible: (me) => can(me, 'library', 'read') },
  { to: '/brukere', label: 'nav.users', group: 'organization', visible: (me) => can(me, 'users', 'viewMembers') },
  { to: '/endringslogg', label: 'nav.audit', group: 'organization', visible: (me) => can(me, 'audit', 'view') },
  { to: '/register', label: 'nav.registry', group: 'national', visible: (me) => can(me, 'organizations', 'viewRegistry') },
  { to: '/leverandorer', label: 'nav.vendors', group: 'national', visible: (me) => can(me, 'vendors', 'view') && me.organization?.kind === 'national' },
  { to: '/leverandorbruk', label: 'nav.vendorUsage', group: 'national', visible: (me) => can(me, 'vendors', 'viewUsage') },
  { to: '/import-bibliotek', label: 'nav.libraryImport', group: 'national', visible: (me) => can(me, 'library', 'import') },
  { to: '/nasjonalt/behandlingsmaler', label: 'nav.processingTemplates', group: 'national', visible: (me) => can(me, 'processing', 'viewTemplates') },
  { to: '/nasjonalt/dpia-maler', label: 'nav.dpiaTemplates', group: 'national', visible: (me) => can(me, 'dpia', 'viewTemplates') },
];
