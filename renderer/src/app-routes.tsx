import { Navigate, Route, Routes } from 'react-router';
import { UpcomingArea } from './areas/upcoming-area';
import { AppLayout } from './shell/app-layout';
import { CaseEvidenceScreen, CasesScreen, CaseWorkspaceScreen, EvidenceScreen, ImportHistoryScreen, InboxScreen, RulesScreen, SettingsScreen, TeamScreen } from './shell/area-screens';
import { ScreenSlot } from './shell/lazy-screen';
import { upcomingAreaIds } from './shell/nav-areas';

/** One route per product area under the shell, each loaded on first use; anything unknown lands in the inbox. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/inbox" replace />} />
        {upcomingAreaIds.map((id) => (
          <Route key={id} path={id} element={<UpcomingArea area={id} />} />
        ))}
        <Route path="cases" element={<ScreenSlot><CasesScreen /></ScreenSlot>} />
        <Route path="cases/:caseId" element={<ScreenSlot><CaseWorkspaceScreen /></ScreenSlot>} />
        <Route path="notifications" element={<Navigate to="/cases" replace />} />
        <Route path="inbox" element={<ScreenSlot><InboxScreen /></ScreenSlot>} />
        <Route path="inbox/rules" element={<ScreenSlot><RulesScreen /></ScreenSlot>} />
        <Route path="inbox/imports" element={<ScreenSlot><ImportHistoryScreen /></ScreenSlot>} />
        <Route path="evidence" element={<ScreenSlot><EvidenceScreen /></ScreenSlot>} />
        <Route path="evidence/case/:caseId" element={<ScreenSlot><CaseEvidenceScreen /></ScreenSlot>} />
        <Route path="team" element={<ScreenSlot><TeamScreen /></ScreenSlot>} />
        <Route path="settings/*" element={<ScreenSlot><SettingsScreen /></ScreenSlot>} />
        <Route path="*" element={<Navigate to="/inbox" replace />} />
      </Route>
    </Routes>
  );
}
