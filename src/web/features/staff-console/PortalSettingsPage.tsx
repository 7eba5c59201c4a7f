import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { portalDocumentsOf } from '../../../shared/portal-document-schemas.ts';
import { PORTAL_DEFINITIONS, PORTAL_IDS, type TPortalId } from '../../../shared/portals.ts';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { useUrlQuery } from '../../ui/useUrlQuery.ts';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { PortalDocumentsSection } from './PortalDocumentsSection.tsx';
import { PortalSettingsForm } from './PortalSettingsForm.tsx';
import { fetchPortalSettings, staffConsoleKeys } from './staff-api.ts';

/** The chosen portal's tab, in the address so that a reload or a shared link opens the same one. */
const ZSettingsTab = z.object({ portal: z.enum(PORTAL_IDS).default('producers') });

/** Staff console: each portal's policies and texts; the security administrator changes them, others read them. */
export function PortalSettingsPage() {
  return <ToolPage tool="staff-settings">{() => <PortalSettings />}</ToolPage>;
}

function PortalSettings() {
  const { query, setQuery } = useUrlQuery(ZSettingsTab);
  const portalId = query.portal;
  return (
    <>
      <PageHeading>Portal Settings</PageHeading>
      <p className="lead">
        Lockout, password, session and lifecycle policies, the login texts and the documents of each portal. Every change is recorded in the audit log.
      </p>
      <Tabs
        label="Portals"
        tabs={PORTAL_IDS.map((id) => ({ id, label: PORTAL_DEFINITIONS[id].name }))}
        selected={portalId}
        // Choosing a tab is not a step of its own: Back leaves the page instead of walking the tabs.
        onSelect={(id) => setQuery({ portal: id }, { replace: true })}
      >
        <PortalSettingsPanel key={portalId} portalId={portalId} />
      </Tabs>
    </>
  );
}

function PortalSettingsPanel({ portalId }: { portalId: TPortalId }) {
  const loaded = useQuery({ queryKey: staffConsoleKeys.portalSettings(portalId), queryFn: () => fetchPortalSettings(portalId) });
  if (loaded.error) return <ErrorAlert>{loaded.error.message}</ErrorAlert>;
  if (!loaded.data) {
    return (
      <p role="status" className="loading">
        Loading the settings…
      </p>
    );
  }
  return (
    <>
      <PortalSettingsForm portalId={portalId} settings={loaded.data} />
      {/* Only portals that offer documents (the producers' Group POR Transfer Form) show the section. */}
      {portalDocumentsOf(portalId).length > 0 ? <PortalDocumentsSection portalId={portalId} editable={loaded.data.editable} /> : null}
    </>
  );
}
