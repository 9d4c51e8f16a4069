import { Navigate, Route, Routes } from 'react-router';
import { CasesScreen } from './areas/cases/cases-screen';
import { CaseEvidenceScreen } from './areas/evidence/case-evidence-screen';
import { EvidenceScreen } from './areas/evidence/evidence-screen';
import { InboxScreen } from './areas/inbox/inbox-screen';
import { RulesScreen } from './areas/inbox/rules/rules-screen';
import { SettingsScreen } from './areas/settings/settings-screen';
import { TeamScreen } from './areas/team/team-screen';
import { UpcomingArea } from './areas/upcoming-area';
import { AppLayout } from './shell/app-layout';
import { upcomingAreaIds } from './shell/nav-areas';

/** One route per product area under the shell; anything unknown lands in the inbox. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/inbox" replace />} />
        {upcomingAreaIds.map((id) => (
          <Route key={id} path={id} element={<UpcomingArea area={id} />} />
        ))}
        <Route path="cases" element={<CasesScreen />} />
        <Route path="cases/:caseId" element={<CasesScreen />} />
        <Route path="notifications" element={<Navigate to="/cases" replace />} />
        <Route path="inbox" element={<InboxScreen />} />
        <Route path="inbox/rules" element={<RulesScreen />} />
        <Route path="evidence" element={<EvidenceScreen />} />
        <Route path="evidence/case/:caseId" element={<CaseEvidenceScreen />} />
        <Route path="team" element={<TeamScreen />} />
        <Route path="settings" element={<SettingsScreen />} />
        <Route path="*" element={<Navigate to="/inbox" replace />} />
      </Route>
    </Routes>
  );
}
