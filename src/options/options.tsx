import { render } from 'preact';
import { loadSettings, resetSettings, saveSettings } from '../common/settingsStore';
import { followDevtoolsTheme } from '../common/theme';
import { OptionsApp } from './OptionsApp';

followDevtoolsTheme(document.documentElement);
const root = document.getElementById('app') as HTMLElement;
render(<OptionsApp initial={await loadSettings()} save={saveSettings} reset={resetSettings} />, root);
