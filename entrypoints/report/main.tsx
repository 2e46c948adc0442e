import { render } from 'preact';
import '../../components/ui.css';
import { ReportPage } from './ReportPage';
import { ProfileLoaderContext } from '../../components/profile';
import { loadExtensionProfile } from '../../platform/profile-loader';

render(
  <ProfileLoaderContext.Provider value={loadExtensionProfile}>
    <ReportPage />
  </ProfileLoaderContext.Provider>,
  document.getElementById('app')!);
