import { render } from 'preact';
import '../../components/ui.css';
import { JournalPage } from './JournalPage';
import { ProfileLoaderContext } from '../../components/profile';
import { loadExtensionProfile } from '../../platform/profile-loader';

render(
  <ProfileLoaderContext.Provider value={loadExtensionProfile}>
    <JournalPage />
  </ProfileLoaderContext.Provider>,
  document.getElementById('app')!);
