import { Navigate, Route, Routes } from 'react-router';
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
        <Route path="team" element={<TeamScreen />} />
        <Route path="settings" element={<SettingsScreen />} />
        <Route path="*" element={<Navigate to="/inbox" replace />} />
      </Route>
    </Routes>
  );
}
